using Captions.Native.PocketSphinx;

namespace Captions.Speech.Sphinx;

/// <summary>Models and tuning for <see cref="SphinxRecognizer"/>. Defaults are Debian's pocketsphinx-en-us.</summary>
public sealed class SphinxRecognizerOptions
{
    /// <summary>Where Debian's pocketsphinx-en-us installs the US English models.</summary>
    public const string DefaultModelRoot = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>Folder holding the three en-us models; the defaults of the other paths are resolved inside it.</summary>
    public string ModelRoot { get; init; } = DefaultModelRoot;

    /// <summary>Acoustic model directory; default <c>{ModelRoot}/en-us</c>.</summary>
    public string? AcousticModelDirectory { get; init; }

    /// <summary>Pronunciation dictionary; default <c>{ModelRoot}/cmudict-en-us.dict</c>.</summary>
    public string? DictionaryPath { get; init; }

    /// <summary>Language model; default <c>{ModelRoot}/en-us.lm.bin</c>.</summary>
    public string? LanguageModelPath { get; init; }

    /// <summary>
    /// Least audio between two partial-hypothesis queries. ps_get_hyp backtraces the whole utterance, so asking
    /// every 20 ms chunk would cost more than it tells; 160 ms (8 chunks) keeps partials lively.
    /// </summary>
    public TimeSpan PartialInterval { get; init; } = TimeSpan.FromMilliseconds(160);

    /// <summary>
    /// Runs pocketsphinx's flat-lexicon (<c>-fwdflat</c>) and lattice best-path (<c>-bestpath</c>) passes when an
    /// utterance ends, as pocketsphinx and pocketsphinx_continuous do by default. Off here for latency: on the five
    /// LibriVox clips of pocketsphinx-testdata, 2 busy cores, the passes made EndUtterance take 0.7-2.2 s instead of
    /// 0.07-0.2 s, and the finals scored WER 31.0% against 26.8% without (71 words: too few to judge accuracy, but
    /// never better, and a final worse than the partial the user just read is a visible regression). Without them
    /// the final is the last partial completed, and word confidences are 1 (pocketsphinx has no posteriors then).
    /// </summary>
    public bool SecondPass { get; init; }

    /// <summary>Further pocketsphinx arguments (name, value), e.g. ("-beam", "1e-60"). They win over <see cref="SecondPass"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraArguments { get; init; } = [];

    internal PocketSphinxOptions ToDecoderOptions() => new()
    {
        AcousticModelDirectory = AcousticModelDirectory ?? Path.Combine(ModelRoot, "en-us"),
        DictionaryPath = DictionaryPath ?? Path.Combine(ModelRoot, "cmudict-en-us.dict"),
        LanguageModelPath = LanguageModelPath ?? Path.Combine(ModelRoot, "en-us.lm.bin"),
        SampleRate = Engine.Audio.AudioFormat.SampleRate,
        ExtraArguments = WithSecondPass(),
    };

    private List<KeyValuePair<string, string>> WithSecondPass()
    {
        // pocketsphinx parses strictly, so a duplicate name is an error: add ours only when the caller has none.
        var arguments = new List<KeyValuePair<string, string>>(ExtraArguments);
        string value = SecondPass ? "yes" : "no";
        foreach (string name in (string[])["-fwdflat", "-bestpath"])
        {
            if (!arguments.Exists(a => a.Key == name))
            {
                arguments.Add(new(name, value));
            }
        }

        return arguments;
    }
}
