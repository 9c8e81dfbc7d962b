using System.Text;
using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Engine.Speech;
using Captions.Native.PocketSphinx;
using Microsoft.Extensions.Logging;

namespace Captions.Speech.Sphinx;

/// <summary>
/// <see cref="ISpeechRecognizer"/> on pocketsphinx 5prealpha (CMU Sphinx, en-us by default).
/// Threading model: not thread-safe; the recogniser stage owns an instance and calls it from one task, as the
/// interface requires (the native decoder is single-threaded). Steady-state <see cref="AcceptAudio"/> allocates
/// nothing unless the partial text changed.
/// </summary>
public sealed class SphinxRecognizer : ISpeechRecognizer
{
    private readonly PocketSphinxDecoder _decoder;
    private readonly long _partialIntervalSamples;
    private short[] _pcm = new short[AudioFormat.FrameSamples];
    private byte[] _lastHypothesis = new byte[256];
    private int _lastHypothesisLength;
    private TimeSpan _utteranceStart;
    private long _utteranceSamples;
    private long _samplesSinceQuery;

    /// <exception cref="PocketSphinxException">A model is missing (the message names it and how to install it) or fails to load.</exception>
    public SphinxRecognizer(SphinxRecognizerOptions? options = null, ILogger<SphinxRecognizer>? logger = null)
    {
        options ??= new SphinxRecognizerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PartialInterval, TimeSpan.Zero);
        _partialIntervalSamples = AudioFormat.TimeToSamples(options.PartialInterval);
        try
        {
            _decoder = PocketSphinxDecoder.Create(options.ToDecoderOptions(), logger);
        }
        catch (PocketSphinxException ex) when (ex.ModelPath is not null && !Path.Exists(ex.ModelPath))
        {
            throw new PocketSphinxException(
                $"{ex.Message} Install pocketsphinx-en-us (./scripts/bootstrap.sh) or point the sphinx model options at another model.",
                ex.ModelPath,
                ex);
        }
    }

    public string Name => "sphinx";

    public void StartUtterance(TimeSpan streamTime)
    {
        _decoder.StartUtterance();
        _utteranceStart = streamTime;
        _utteranceSamples = 0;
        _samplesSinceQuery = 0;
        _lastHypothesisLength = 0;
    }

    // pocketsphinx has no abort hook; each call is short (one chunk), so the token is checked between calls.
    public SpeechHypothesis? AcceptAudio(ReadOnlySpan<float> samples, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_pcm.Length < samples.Length)
        {
            _pcm = new short[samples.Length];
        }

        Span<short> pcm = _pcm.AsSpan(0, samples.Length);
        ToPcm16(samples, pcm);
        _decoder.ProcessRaw(pcm);
        _utteranceSamples += samples.Length;
        _samplesSinceQuery += samples.Length;
        if (_samplesSinceQuery < _partialIntervalSamples)
        {
            return null;
        }

        _samplesSinceQuery = 0;
        ReadOnlySpan<byte> hypothesis = _decoder.GetHypothesisUtf8();
        if (hypothesis.SequenceEqual(_lastHypothesis.AsSpan(0, _lastHypothesisLength)))
        {
            return null;
        }

        if (_lastHypothesis.Length < hypothesis.Length)
        {
            _lastHypothesis = new byte[hypothesis.Length * 2];
        }

        hypothesis.CopyTo(_lastHypothesis);
        _lastHypothesisLength = hypothesis.Length;
        return new SpeechHypothesis(Encoding.UTF8.GetString(hypothesis), IsFinal: false, [], _utteranceStart, UtteranceEnd);
    }

    public SpeechHypothesis EndUtterance(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _decoder.EndUtterance();
        TimeSpan end = UtteranceEnd;
        var words = new List<WordTiming>();
        foreach (PocketSphinxSegment segment in _decoder.GetSegments())
        {
            if (IsFiller(segment.Word))
            {
                continue;
            }

            TimeSpan wordStart = Min(_utteranceStart + FramesToTime(segment.StartFrame), end);
            TimeSpan wordEnd = Min(_utteranceStart + FramesToTime(segment.EndFrame + 1), end);
            words.Add(new WordTiming(BaseWord(segment.Word), wordStart, wordEnd, (float)segment.Probability));
        }

        // Built from the words so text and timings always agree (ps_get_hyp already omits fillers).
        string text = string.Join(' ', words.Select(w => w.Word));
        return new SpeechHypothesis(text, IsFinal: true, words, _utteranceStart, end);
    }

    public void Dispose() => _decoder.Dispose();

    /// <summary>float [-1, 1] to int16 with clipping; scale 32768 so int16 -> float -> int16 round-trips exactly.</summary>
    internal static void ToPcm16(ReadOnlySpan<float> source, Span<short> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            float scaled = MathF.Round(source[i] * 32768f);
            destination[i] = (short)Math.Clamp(scaled, short.MinValue, short.MaxValue);
        }
    }

    /// <summary>Silence and noise markers of the en-us noisedict: &lt;s&gt;, &lt;/s&gt;, &lt;sil&gt;, [NOISE], [SPEECH] (and ++X++ of older models).</summary>
    internal static bool IsFiller(string word) =>
        word.Length == 0
        || (word.StartsWith('<') && word.EndsWith('>'))
        || (word.StartsWith('[') && word.EndsWith(']'))
        || (word.StartsWith("++", StringComparison.Ordinal) && word.EndsWith("++", StringComparison.Ordinal));

    /// <summary>"read(2)" -> "read": the dictionary's alternate-pronunciation suffix is not part of the word.</summary>
    internal static string BaseWord(string word)
    {
        int open = word.LastIndexOf('(');
        return open > 0 && word.EndsWith(')') ? word[..open] : word;
    }

    private TimeSpan UtteranceEnd => _utteranceStart + AudioFormat.SamplesToTime(_utteranceSamples);

    private static TimeSpan FramesToTime(int frames) => TimeSpan.FromTicks(frames * (TimeSpan.TicksPerSecond / PocketSphinxDecoder.FramesPerSecond));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
