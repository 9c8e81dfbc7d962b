using System.Globalization;
using System.Text;
using Captions.Engine.Hosting;
using Captions.Engine.Metrics.Latency;
using Captions.Native.PocketSphinx;
using Microsoft.Extensions.Logging;

namespace Captions.Bench.Alignment;

/// <summary>
/// Word start and end times of a known transcript in its audio: the reference timing the latency metrics measure
/// caption lag against. pocketsphinx decodes the whole utterance with a grammar that accepts exactly the
/// transcript's word sequence, silence and noise fillers allowed between words (JSGF through
/// <c>ps_set_jsgf_string</c>, <c>-fsgusefiller yes</c>), so recognition errors cannot move words; the Viterbi
/// backtrace (<c>-bestpath no</c>) gives each word's frames (10 ms).
/// Threading model: not thread-safe (one pocketsphinx decoder); align on one thread at a time.
/// </summary>
/// <remarks>
/// Words the dictionary (cmudict-en-us) lacks, digits included, are refused with an
/// <see cref="AlignmentException"/> naming them, rather than aligned around: a reference with a hole would shift
/// the lag of every caption word near it. Audio that does not fit the transcript (silence, far too short,
/// other words) leaves the grammar's final state unreached; that is an error too, never a partial alignment.
/// </remarks>
public sealed class ForcedAligner : IDisposable
{
    /// <summary>The "source" of alignment files this aligner made (see <see cref="AlignmentFile"/>).</summary>
    public const string Source = "pocketsphinx forced alignment (en-us, libpocketsphinx3 0.8+5prealpha)";

    private const string SearchName = "forced_alignment";
    private const int SampleRate = 16_000;

    private readonly PocketSphinxDecoder _decoder;
    private readonly Dictionary<string, bool> _known = new(StringComparer.Ordinal);

    /// <summary>Loads the en-us acoustic model and cmudict of Debian's pocketsphinx-en-us (0.3 s; no language model).</summary>
    /// <exception cref="PocketSphinxException">A model file is missing (named) or the library cannot be loaded.</exception>
    public ForcedAligner(ILogger? logger = null)
        : this(CaptionsPaths.PocketSphinxAcousticModelDirectory, CaptionsPaths.PocketSphinxDictionaryPath, logger)
    {
    }

    /// <exception cref="PocketSphinxException">A model file is missing (named) or the library cannot be loaded.</exception>
    public ForcedAligner(string acousticModelDirectory, string dictionaryPath, ILogger? logger = null)
    {
        _decoder = PocketSphinxDecoder.Create(
            new PocketSphinxOptions
            {
                AcousticModelDirectory = acousticModelDirectory,
                DictionaryPath = dictionaryPath,
                LanguageModelPath = null,
                SampleRate = SampleRate,
                ExtraArguments =
                [
                    // 5prealpha's front end drops the frames its VAD calls silence (default yes), so segment frames
                    // count speech frames only: on jfk.wav every word after the first pause came out 0.7-1.2 s
                    // early. Alignment needs every frame.
                    new("-remove_silence", "no"),

                    // Spectral noise subtraction smears the onsets of quiet words in clean recordings: on the
                    // espeak-ng test sentences it cost up to 100 ms at word boundaries and changed nothing on jfk.wav.
                    new("-remove_noise", "no"),

                    // Pauses between words are free: a silence penalty (default 0.005) let stop closures swallow
                    // 150-300 ms gaps ("please call": 150 ms early).
                    new("-silprob", "1.0"),

                    // The grammar is one sentence, so wide beams cost little; with the defaults (1e-48) the only
                    // path was pruned on a clean espeak-ng sentence and the search found no words at all.
                    new("-beam", "1e-100"),
                    new("-pbeam", "1e-100"),
                    new("-wbeam", "1e-80"),

                    // Times from the Viterbi backtrace of the grammar search, not a lattice rescoring.
                    new("-bestpath", "no"),
                    new("-fsgusefiller", "yes"),
                ],
            },
            logger);
    }

    /// <summary>
    /// Aligns <paramref name="transcript"/> to <paramref name="mono16k"/> (16 kHz mono, [-1, 1]) and returns one
    /// word per transcript word, in order, spelled as the dictionary spells it (lower case, punctuation
    /// dropped), with start and end in seconds from the start of the audio.
    /// </summary>
    /// <exception cref="AlignmentException">The transcript is empty or has words the dictionary lacks (named), the
    /// audio is empty, or the decoder could not fit the whole transcript to the audio (the message says how far
    /// it got).</exception>
    public IReadOnlyList<ReferenceWord> Align(ReadOnlySpan<float> mono16k, string transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        AlignmentTranscript parsed = AlignmentTranscript.Parse(transcript, IsInDictionary);
        if (mono16k.IsEmpty)
        {
            throw new AlignmentException($"There is no audio to align the transcript '{Shorten(transcript)}' to.");
        }

        _decoder.SetJsgfGrammar(SearchName, BuildGrammar(parsed.DictionaryWords));
        short[] pcm = ToPcm16(mono16k);
        _decoder.StartUtterance();
        try
        {
            // The whole utterance at once: cepstral mean normalisation over all of it rather than a running
            // estimate that starts from the model's prior (which put jfk.wav's "americans" 0.3 s long).
            _decoder.ProcessRaw(pcm, fullUtterance: true);
        }
        finally
        {
            _decoder.EndUtterance();
        }

        double duration = (double)mono16k.Length / SampleRate;
        List<PocketSphinxSegment> words = [.. _decoder.GetSegments().Where(s => !IsFiller(s.Word))];
        string[] expected = [.. parsed.DictionaryWords];
        CheckComplete(words, expected, duration, transcript);

        var result = new List<ReferenceWord>(parsed.Tokens.Count);
        int next = 0;
        foreach (AlignmentTranscript.Token token in parsed.Tokens)
        {
            PocketSphinxSegment first = words[next];
            PocketSphinxSegment last = words[next + token.Parts.Count - 1];
            next += token.Parts.Count;

            // Frames are 10 ms from the start of the audio; EndFrame is inclusive.
            double start = Math.Min((double)first.StartFrame / PocketSphinxDecoder.FramesPerSecond, duration);
            double end = Math.Min((double)(last.EndFrame + 1) / PocketSphinxDecoder.FramesPerSecond, duration);
            result.Add(new ReferenceWord(token.Word, start, end));
        }

        return result;
    }

    public void Dispose() => _decoder.Dispose();

    /// <summary>"read(2)" -> "read": alternate pronunciations carry the dictionary's suffix in segment names.</summary>
    internal static string BaseWord(string word)
    {
        int open = word.LastIndexOf('(');
        return open > 0 && word.EndsWith(')') ? word[..open] : word;
    }

    /// <summary>&lt;s&gt;, &lt;/s&gt;, &lt;sil&gt; and the noise words of the en-us noisedict ([NOISE], [SPEECH]; ++X++ in older models).</summary>
    internal static bool IsFiller(string word) =>
        word.Length == 0
        || (word.StartsWith('<') && word.EndsWith('>'))
        || (word.StartsWith('[') && word.EndsWith(']'))
        || (word.StartsWith("++", StringComparison.Ordinal) && word.EndsWith("++", StringComparison.Ordinal));

    /// <summary>One public rule: the words in order. JSGF tokens may hold apostrophes; the parser lower-cases nothing.</summary>
    internal static string BuildGrammar(IEnumerable<string> words)
    {
        var builder = new StringBuilder("#JSGF V1.0;\ngrammar alignment;\npublic <transcript> =");
        foreach (string word in words)
        {
            builder.Append(' ').Append(word);
        }

        return builder.Append(";\n").ToString();
    }

    private static void CheckComplete(List<PocketSphinxSegment> words, string[] expected, double duration, string transcript)
    {
        int matched = 0;
        while (matched < words.Count && matched < expected.Length
            && string.Equals(BaseWord(words[matched].Word), expected[matched], StringComparison.Ordinal))
        {
            matched++;
        }

        if (matched == expected.Length && words.Count == expected.Length)
        {
            return;
        }

        string reached = matched == 0
            ? "found none of its words"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"got through {matched} of its {expected.Length} words (the last, '{expected[matched - 1]}', ends at {(words[matched - 1].EndFrame + 1) / (double)PocketSphinxDecoder.FramesPerSecond:0.00} s)");
        throw new AlignmentException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"The audio ({duration:0.00} s) does not fit the transcript '{Shorten(transcript)}': the grammar search {reached} and never reached the transcript's end. Is it the right audio for this transcript, and is the speech audible?"),
            matched < expected.Length ? expected[matched] : null);
    }

    private bool IsInDictionary(string word)
    {
        if (!_known.TryGetValue(word, out bool known))
        {
            known = _decoder.LookupPronunciation(word) is not null;
            _known[word] = known;
        }

        return known;
    }

    private static short[] ToPcm16(ReadOnlySpan<float> samples)
    {
        var pcm = new short[samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            // Scale 32768 so int16 -> float -> int16 round-trips exactly (WavReader divides by 32768).
            pcm[i] = (short)Math.Clamp(MathF.Round(samples[i] * 32768f), short.MinValue, short.MaxValue);
        }

        return pcm;
    }

    private static string Shorten(string transcript) => transcript.Length <= 80 ? transcript : string.Concat(transcript.AsSpan(0, 77), "...");
}
