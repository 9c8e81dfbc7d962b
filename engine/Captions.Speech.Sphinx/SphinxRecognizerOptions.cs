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

    /// <summary>Further pocketsphinx arguments (name, value), e.g. ("-beam", "1e-60").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraArguments { get; init; } = [];

    internal PocketSphinxOptions ToDecoderOptions() => new()
    {
        AcousticModelDirectory = AcousticModelDirectory ?? Path.Combine(ModelRoot, "en-us"),
        DictionaryPath = DictionaryPath ?? Path.Combine(ModelRoot, "cmudict-en-us.dict"),
        LanguageModelPath = LanguageModelPath ?? Path.Combine(ModelRoot, "en-us.lm.bin"),
        SampleRate = Engine.Audio.AudioFormat.SampleRate,
        ExtraArguments = ExtraArguments,
    };
}
