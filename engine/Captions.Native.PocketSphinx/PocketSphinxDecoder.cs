using System.Globalization;
using System.Runtime.InteropServices;
using Captions.Native.PocketSphinx.Interop;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Captions.Native.PocketSphinx;

/// <summary>
/// A pocketsphinx decoder: feed int16 audio between <see cref="StartUtterance"/> and <see cref="EndUtterance"/>,
/// read the best hypothesis and its word segmentation at any time.
/// Threading model: not thread-safe. One thread at a time uses a decoder (the recogniser stage owns it); separate
/// decoders may run on separate threads. Native log lines go to the logger of the decoder whose call is running on
/// that thread, so they never reach the terminal.
/// </summary>
public sealed unsafe class PocketSphinxDecoder : IDisposable
{
    /// <summary>pocketsphinx's default <c>-frate</c>: segment frames are 10 ms.</summary>
    public const int FramesPerSecond = 100;

    private readonly SafeDecoderHandle _handle;
    private readonly nint _logmath;
    private readonly ILogger _logger;
    private bool _disposed;

    private PocketSphinxDecoder(SafeDecoderHandle handle, ILogger logger)
    {
        _handle = handle;
        _logger = logger;
        using NativeLog.Scope scope = NativeLog.Enter(_logger);

        // Owned by the decoder: valid for its lifetime, never freed by us.
        _logmath = NativeMethods.PsGetLogmath(_handle);
    }

    /// <summary>True between <see cref="StartUtterance"/> and <see cref="EndUtterance"/>.</summary>
    public bool InUtterance { get; private set; }

    /// <summary>
    /// Loads the models named by <paramref name="options"/> (0.3-1 s for en-us: the 27 MB language model dominates).
    /// </summary>
    /// <exception cref="PocketSphinxException">A model file is missing or fails to load (<see cref="PocketSphinxException.ModelPath"/>
    /// names it), an argument is invalid, or the library cannot be loaded.</exception>
    public static PocketSphinxDecoder Create(PocketSphinxOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SampleRate);
        CheckModelFiles(options);
        PocketSphinxLibrary.EnsureLoaded();
        logger ??= NullLogger.Instance;

        List<string> arguments = BuildArguments(options);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // Stands in for ps_init's own config dump, which goes to /dev/null (see NativeLog.Install).
            logger.LogDebug("pocketsphinx arguments: {Arguments}", string.Join(' ', arguments));
        }

        var argv = new NativeArgv(arguments);
        SafeDecoderHandle? decoder = null;
        try
        {
            using NativeLog.Scope scope = NativeLog.Enter(logger);
            using SafeConfigHandle config = NativeMethods.CmdLnParseR(0, NativeMethods.PsArgs(), argv.Count, argv.Pointers, strict: 1);
            if (config.IsInvalid)
            {
                throw new PocketSphinxException(
                    $"pocketsphinx rejected its arguments ({string.Join(' ', options.ExtraArguments.Select(a => $"{a.Key} {a.Value}"))}): {NativeLog.Errors ?? "no reason logged"}");
            }

            decoder = NativeMethods.PsInit(config);
            if (decoder.IsInvalid)
            {
                string reason = NativeLog.Errors ?? "no reason logged";
                throw new PocketSphinxException(
                    $"pocketsphinx could not load its models (acoustic model '{options.AcousticModelDirectory}', dictionary '{options.DictionaryPath}', language model '{options.LanguageModelPath}'): {reason}",
                    GuessFailedPath(options, reason));
            }

            decoder.Arguments = argv;
            return new PocketSphinxDecoder(decoder, logger);
        }
        catch
        {
            decoder?.Dispose();
            if (decoder?.Arguments is null)
            {
                argv.Free();
            }

            throw;
        }
    }

    public void StartUtterance()
    {
        ThrowIfDisposed();
        if (InUtterance)
        {
            throw new InvalidOperationException("An utterance is already in progress: call EndUtterance first.");
        }

        using NativeLog.Scope scope = NativeLog.Enter(_logger);
        // pocketsphinx numbers segment frames from the start of its stream, and the stream offset it adds is not
        // observable through the API (ps_get_n_frames after ps_end_utt fell 18-47 frames short of it on LibriVox).
        // Starting a stream per utterance makes frames utterance-relative; it also resets the front end's noise
        // statistics, so an utterance decodes the same whatever came before it.
        Check(NativeMethods.PsStartStream(_handle), "ps_start_stream");
        Check(NativeMethods.PsStartUtt(_handle), "ps_start_utt");
        InUtterance = true;
    }

    /// <summary>Decodes audio of the current utterance. Returns the number of frames searched.</summary>
    public int ProcessRaw(ReadOnlySpan<short> samples) => ProcessRaw(samples, fullUtterance: false);

    /// <summary>
    /// Decodes audio of the current utterance. With <paramref name="fullUtterance"/> the samples must be the whole
    /// utterance in one call: pocketsphinx then normalises the cepstra over all of it (batch CMN) instead of with a
    /// running estimate, which is what offline decoding and alignment want. Returns the number of frames searched.
    /// </summary>
    public int ProcessRaw(ReadOnlySpan<short> samples, bool fullUtterance)
    {
        ThrowIfDisposed();
        ThrowIfNotInUtterance();
        using NativeLog.Scope scope = NativeLog.Enter(_logger);
        fixed (short* data = samples)
        {
            return Check(NativeMethods.PsProcessRaw(_handle, data, (nuint)samples.Length, noSearch: 0, fullUtterance: fullUtterance ? 1 : 0), "ps_process_raw");
        }
    }

    /// <summary>
    /// Replaces the search with a JSGF grammar (e.g. one sentence, for forced alignment) and activates it: the
    /// next utterance is decoded as a path through the grammar. Only between utterances. The grammar's words must
    /// be in the dictionary; with the default <c>-fsgusefiller yes</c> silence and noise fillers may occur between
    /// any two words.
    /// </summary>
    /// <param name="name">The search's name; setting the same name again replaces that search.</param>
    /// <param name="jsgf">The grammar text, starting with <c>#JSGF V1.0;</c> and with one public rule.</param>
    /// <exception cref="PocketSphinxException">The grammar does not parse or names a word that is not in the dictionary (the message has pocketsphinx's reason).</exception>
    public void SetJsgfGrammar(string name, string jsgf)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(jsgf);
        ThrowIfDisposed();
        if (InUtterance)
        {
            throw new InvalidOperationException("The search cannot change during an utterance: call EndUtterance first.");
        }

        using NativeLog.Scope scope = NativeLog.Enter(_logger);
        if (NativeMethods.PsSetJsgfString(_handle, name, jsgf) < 0)
        {
            throw new PocketSphinxException($"pocketsphinx rejected the JSGF grammar '{name}': {NativeLog.Errors ?? "no reason logged"}");
        }

        // ps_set_jsgf_string only adds the search; replacing a search of the same name frees the old one, so the
        // decoder must point at the new one before anything else runs.
        Check(NativeMethods.PsSetSearch(_handle, name), "ps_set_search");
    }

    /// <summary>
    /// The pronunciation of <paramref name="word"/> in the loaded dictionary as space-separated phones
    /// ("HH AH L OW"), or null when the dictionary does not have the word. Case-sensitive, as the dictionary is
    /// (cmudict-en-us is lower case); alternates are separate entries ("read(2)").
    /// </summary>
    public string? LookupPronunciation(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        ThrowIfDisposed();
        using NativeLog.Scope scope = NativeLog.Enter(_logger);
        byte* phones = NativeMethods.PsLookupWord(_handle, word);
        if (phones is null)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8((nint)phones);
        }
        finally
        {
            NativeMethods.CkdFree(phones);
        }
    }

    /// <summary>The best hypothesis so far (partial during an utterance, final after it); empty when there is none.</summary>
    public string GetHypothesis()
    {
        ReadOnlySpan<byte> utf8 = GetHypothesisUtf8();
        return utf8.IsEmpty ? string.Empty : System.Text.Encoding.UTF8.GetString(utf8);
    }

    /// <summary>
    /// The best hypothesis as the decoder's own UTF-8 bytes, without allocating: lets a caller compare it with the
    /// previous one before creating a string. The span points into native memory and is valid only until the next
    /// call on this decoder.
    /// </summary>
    public ReadOnlySpan<byte> GetHypothesisUtf8()
    {
        ThrowIfDisposed();
        using NativeLog.Scope scope = NativeLog.Enter(_logger);
        byte* hyp = NativeMethods.PsGetHyp(_handle, null);
        return hyp is null ? [] : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(hyp);
    }

    public void EndUtterance()
    {
        ThrowIfDisposed();
        ThrowIfNotInUtterance();
        using NativeLog.Scope scope = NativeLog.Enter(_logger);
        InUtterance = false;
        Check(NativeMethods.PsEndUtt(_handle), "ps_end_utt");
    }

    /// <summary>
    /// Word segmentation of the best hypothesis, fillers included, in order, with frames counted from the start of
    /// the current (or just ended) utterance.
    /// </summary>
    public IReadOnlyList<PocketSphinxSegment> GetSegments()
    {
        ThrowIfDisposed();
        using NativeLog.Scope scope = NativeLog.Enter(_logger);
        var segments = new List<PocketSphinxSegment>();
        for (nint seg = NativeMethods.PsSegIter(_handle); seg != 0; seg = NativeMethods.PsSegNext(seg))
        {
            string word = Marshal.PtrToStringUTF8((nint)NativeMethods.PsSegWord(seg)) ?? string.Empty;
            int start, end, acoustic, language, backoff;
            NativeMethods.PsSegFrames(seg, &start, &end);
            int logProbability = NativeMethods.PsSegProb(seg, &acoustic, &language, &backoff);
            double probability = Math.Clamp(NativeMethods.LogmathExp(_logmath, logProbability), 0.0, 1.0);
            segments.Add(new PocketSphinxSegment(word, start, end, probability));
        }

        return segments;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using NativeLog.Scope scope = NativeLog.Enter(_logger);
        _handle.Dispose();
    }

    private static List<string> BuildArguments(PocketSphinxOptions options)
    {
        var args = new List<string>
        {
            "-hmm", options.AcousticModelDirectory,
            "-dict", options.DictionaryPath,
            "-samprate", options.SampleRate.ToString(CultureInfo.InvariantCulture),
        };
        if (options.LanguageModelPath is not null)
        {
            args.Add("-lm");
            args.Add(options.LanguageModelPath);
        }

        foreach (KeyValuePair<string, string> pair in options.ExtraArguments)
        {
            args.Add(pair.Key);
            args.Add(pair.Value);
        }

        return args;
    }

    // Checked here because some of pocketsphinx's loaders call E_FATAL (exit()) on a missing file instead of
    // returning an error, and because the user deserves the path rather than a log line.
    private static void CheckModelFiles(PocketSphinxOptions options)
    {
        string hmm = options.AcousticModelDirectory;
        if (!Directory.Exists(hmm))
        {
            throw new PocketSphinxException($"The acoustic model directory '{hmm}' does not exist.", hmm);
        }

        string mdef = Path.Combine(hmm, "mdef");
        if (!File.Exists(mdef))
        {
            throw new PocketSphinxException($"'{hmm}' is not a pocketsphinx acoustic model: it has no 'mdef' file.", mdef);
        }

        if (!File.Exists(options.DictionaryPath))
        {
            throw new PocketSphinxException($"The pronunciation dictionary '{options.DictionaryPath}' does not exist.", options.DictionaryPath);
        }

        if (options.LanguageModelPath is not null && !File.Exists(options.LanguageModelPath))
        {
            throw new PocketSphinxException($"The language model '{options.LanguageModelPath}' does not exist.", options.LanguageModelPath);
        }
    }

    private static string GuessFailedPath(PocketSphinxOptions options, string reason)
    {
        foreach (string? path in (string?[])[options.LanguageModelPath, options.DictionaryPath])
        {
            if (path is not null && reason.Contains(Path.GetFileName(path), StringComparison.Ordinal))
            {
                return path;
            }
        }

        return options.AcousticModelDirectory;
    }

    private static int Check(int result, string function) => result >= 0
        ? result
        : throw new PocketSphinxException($"{function} failed ({result}): {NativeLog.Errors ?? "no reason logged"}");

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private void ThrowIfNotInUtterance()
    {
        if (!InUtterance)
        {
            throw new InvalidOperationException("No utterance in progress: call StartUtterance first.");
        }
    }
}
