using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Captions.Native.Ggml;

namespace Captions.Native.Whisper;

/// <summary>
/// Runs whisper_full on 16 kHz mono audio with one <c>whisper_state</c>. Audio must already be 16 kHz mono float in
/// [-1, 1] (resample first: Captions.Engine.Audio.Resampler); at least <see cref="MinimumSamples"/> samples.
/// </summary>
/// <remarks>
/// Threading model: one call at a time per processor (a second concurrent call throws InvalidOperationException). <see cref="Dispose"/> must not race a running
/// <see cref="Process(ReadOnlySpan{float}, CancellationToken)"/>: cancel it first. Cancellation reaches the native
/// loop through whisper's abort callback, polled before every ggml graph computation (each encoder pass and each
/// decoded token), so a cancelled call returns within one graph step and throws OperationCanceledException.
/// Every decode in the process runs on one thread (<see cref="GgmlComputeThread"/>, which says why: libgomp slows
/// every barrier once several threads have started OpenMP teams); the caller blocks until it is done, so decodes of
/// several processors run one after another, each on all the threads it was built with.
/// </remarks>
public sealed unsafe class WhisperProcessor : IDisposable
{
    /// <summary>Sample rate the API accepts (whisper's only rate).</summary>
    public const int SampleRate = 16000;

    /// <summary>1600 samples = 100 ms: whisper.cpp returns nothing for less (10 mel frames).</summary>
    public const int MinimumSamples = 1600;

    private readonly WhisperFactory _factory;
    private readonly WhisperContextHandle _context;
    private readonly WhisperStateHandle _state;
    private readonly WhisperFullParams _template;
    private readonly string _language;
    private readonly string? _defaultPrompt;
    private readonly int _endOfText;
    private readonly nint _languageUtf8;
    private GCHandle _self;
    private CancellationToken _cancellation;
    private int _busy;
    private int _abortPolls;
    private int _computeThreadId;
    private int _disposed;

    internal WhisperProcessor(WhisperFactory factory, WhisperProcessorBuilder builder)
    {
        _factory = factory;
        _context = factory.Context;
        bool added = false;
        _context.DangerousAddRef(ref added); // the weights outlive this state even if the factory is disposed first
        nint state = WhisperNative.InitState(_context);
        if (state == 0)
        {
            _context.DangerousRelease();
            throw new InvalidOperationException($"whisper_init_state failed for '{factory.ModelPath}' (out of memory?)");
        }

        _state = new WhisperStateHandle();
        Marshal.InitHandle(_state, state);
        _language = builder.Language;
        _defaultPrompt = builder.Prompt;
        _endOfText = WhisperNative.TokenEndOfText(_context);
        _languageUtf8 = Marshal.StringToCoTaskMemUTF8(builder.Language);
        _self = GCHandle.Alloc(this, GCHandleType.Weak);
        _template = CreateParams(builder);
    }

    /// <summary>How many times whisper polled the abort callback (tests cancel once decoding has started).</summary>
    internal int AbortPolls => Volatile.Read(ref _abortPolls);

    /// <summary>The managed thread the last decode ran on (always <see cref="GgmlComputeThread"/>'s; tests check it).</summary>
    internal int ComputeThreadId => Volatile.Read(ref _computeThreadId);

    /// <summary>Decodes <paramref name="samples"/> with the builder's prompt.</summary>
    public WhisperResult Process(ReadOnlySpan<float> samples, CancellationToken cancellationToken = default) =>
        Process(samples, _defaultPrompt, cancellationToken);

    /// <summary>Decodes <paramref name="samples"/> (16 kHz mono) with <paramref name="prompt"/> as initial context.</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumSamples"/> samples.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="WhisperProcessingException">whisper_full failed (returned a non-zero code).</exception>
    public WhisperResult Process(ReadOnlySpan<float> samples, string? prompt, CancellationToken cancellationToken = default) =>
        Process(samples, prompt, audioContext: -1, cancellationToken);

    /// <summary>
    /// Decodes <paramref name="samples"/> encoding <paramref name="audioContext"/> positions (50 per second of audio;
    /// 0 = the full 1500, -1 = the builder's setting). Streaming callers pass <see cref="AudioContextFor"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumSamples"/> samples.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="WhisperProcessingException">whisper_full failed (returned a non-zero code).</exception>
    public WhisperResult Process(ReadOnlySpan<float> samples, string? prompt, int audioContext, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(audioContext, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(audioContext, _factory.AudioContext);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (samples.Length < MinimumSamples)
        {
            throw new ArgumentException(
                $"whisper needs at least {MinimumSamples} samples (100 ms at 16 kHz); got {samples.Length}", nameof(samples));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("WhisperProcessor.Process is already running on another thread");
        }

        nint promptUtf8 = prompt is null ? 0 : Marshal.StringToCoTaskMemUTF8(prompt);
        try
        {
            _cancellation = cancellationToken;
            WhisperFullParams parameters = _template;
            parameters.InitialPrompt = promptUtf8;
            if (audioContext >= 0)
            {
                parameters.AudioContext = audioContext;
            }

            int code = 0;
            fixed (float* pointer = samples)
            {
                // The caller waits while the compute thread runs, so the pinned pointer stays valid throughout.
                nint audio = (nint)pointer;
                int count = samples.Length;
                GgmlComputeThread.Shared.Run(() =>
                {
                    _computeThreadId = Environment.CurrentManagedThreadId;
                    code = WhisperNative.FullWithState(_context, _state, parameters, (float*)audio, count);
                });
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (code != 0)
            {
                throw new WhisperProcessingException($"whisper_full failed with code {code} on {samples.Length} samples ('{_factory.ModelPath}')");
            }

            return ReadResult(parameters.TokenTimestamps != 0, TimeSpan.FromSeconds(samples.Length / (double)SampleRate));
        }
        finally
        {
            _cancellation = default;
            Marshal.FreeCoTaskMem(promptUtf8);
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>
    /// Encoder positions that cover <paramref name="sampleCount"/> samples: one per 320 samples (10 ms mel hop, conv2
    /// stride 2), rounded up to a multiple of 64 so ggml's matrix tiles stay full, capped at the model's 1500. Encoding
    /// 2 s this way costs ~100/1500 of a full window -- what makes sub-second streaming steps possible on 2 cores.
    /// </summary>
    public int AudioContextFor(int sampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        int positions = (sampleCount + 319) / 320;
        positions = (positions + 63) / 64 * 64;
        return Math.Clamp(positions, 64, _factory.AudioContext);
    }

    /// <summary>Frees the whisper_state. Safe to call twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _state.Dispose();
        _context.DangerousRelease();
        Marshal.FreeCoTaskMem(_languageUtf8);
        _self.Free();
    }

    private WhisperFullParams CreateParams(WhisperProcessorBuilder builder)
    {
        WhisperFullParams p = WhisperParamsLayout.FullDefaults(strategy: 0);
        if (builder.Threads is int threads)
        {
            p.Threads = threads;
        }

        p.Language = _languageUtf8;
        p.DetectLanguage = 0;
        p.PrintProgress = 0;
        p.PrintRealtime = 0;
        p.PrintTimestamps = 0;
        p.NoContext = builder.NoContext ? (byte)1 : (byte)0;
        p.TokenTimestamps = builder.TokenTimestamps ? (byte)1 : (byte)0;
        p.MaxTokens = builder.MaxTokensPerSegment;
        p.AudioContext = builder.AudioContext;
        p.SingleSegment = builder.SingleSegment ? (byte)1 : (byte)0;
        if (builder.NoSpeechThreshold is float noSpeech)
        {
            p.NoSpeechThreshold = noSpeech;
        }

        if (!builder.TemperatureFallback)
        {
            p.TemperatureIncrement = 0f; // exactly what whisper-cli -nf does
        }

        p.AbortCallback = (nint)(delegate* unmanaged[Cdecl]<void*, byte>)&OnAbort;
        p.AbortCallbackUserData = GCHandle.ToIntPtr(_self);
        return p;
    }

    private WhisperResult ReadResult(bool tokenTimestamps, TimeSpan duration)
    {
        int count = WhisperNative.SegmentCount(_state);
        var segments = new WhisperSegment[count];
        for (int s = 0; s < count; s++)
        {
            TimeSpan start = Clamp(WhisperNative.SegmentStart(_state, s), duration);
            TimeSpan end = Clamp(WhisperNative.SegmentEnd(_state, s), duration);
            int tokenCount = WhisperNative.TokenCount(_state, s);
            var tokens = new WhisperToken[tokenCount];
            double logSum = 0;
            int textTokens = 0;
            for (int t = 0; t < tokenCount; t++)
            {
                WhisperTokenData data = WhisperNative.TokenData(_state, s, t);
                bool special = data.Id >= _endOfText;
                string text = Marshal.PtrToStringUTF8(WhisperNative.TokenText(_context, _state, s, t)) ?? string.Empty;
                tokens[t] = new WhisperToken(
                    data.Id,
                    text,
                    Math.Clamp(data.Probability, 0f, 1f),
                    data.LogProbability,
                    tokenTimestamps ? Clamp(data.Start, duration) : start,
                    tokenTimestamps ? Clamp(data.End, duration) : end,
                    special);
                if (!special)
                {
                    logSum += data.LogProbability;
                    textTokens++;
                }
            }

            segments[s] = new WhisperSegment(
                Marshal.PtrToStringUTF8(WhisperNative.SegmentText(_state, s)) ?? string.Empty,
                start,
                end,
                WhisperNative.SegmentNoSpeechProbability(_state, s),
                textTokens == 0 ? 0f : (float)(logSum / textTokens),
                tokens);
        }

        string language = _language;
        if (string.Equals(language, "auto", StringComparison.Ordinal))
        {
            int id = WhisperNative.LanguageId(_state);
            language = id >= 0 ? Marshal.PtrToStringUTF8(WhisperNative.LanguageString(id)) ?? "auto" : "auto";
        }

        return new WhisperResult(segments, language);
    }

    // whisper derives times from timestamp tokens (t0 = seek + 2 * (tid - token_beg)) and pads the window to 30 s,
    // so a decode that never emits a timestamp token yields t0 < 0 (measured: -1007 s on a random-weight model) and
    // t1 = 30 s on 4 s of audio. Times are clamped into the buffer so callers can rely on 0 <= t <= duration.
    private static TimeSpan Clamp(long centiseconds, TimeSpan duration)
    {
        var time = TimeSpan.FromMilliseconds(centiseconds * 10.0);
        return time < TimeSpan.Zero ? TimeSpan.Zero : time > duration ? duration : time;
    }

    // ggml_abort_callback: returns true to abort. Called on whisper's calling thread (the Process caller).
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte OnAbort(void* userData)
    {
        if (GCHandle.FromIntPtr((nint)userData).Target is not WhisperProcessor processor)
        {
            return 1;
        }

        Interlocked.Increment(ref processor._abortPolls);
        return processor._cancellation.IsCancellationRequested ? (byte)1 : (byte)0;
    }
}
