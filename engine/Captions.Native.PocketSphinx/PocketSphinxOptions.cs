namespace Captions.Native.PocketSphinx;

/// <summary>What a <see cref="PocketSphinxDecoder"/> loads. Paths are checked before any native call.</summary>
public sealed class PocketSphinxOptions
{
    /// <summary>Acoustic model directory (<c>-hmm</c>); must contain <c>mdef</c>.</summary>
    public required string AcousticModelDirectory { get; init; }

    /// <summary>Pronunciation dictionary (<c>-dict</c>).</summary>
    public required string DictionaryPath { get; init; }

    /// <summary>N-gram language model (<c>-lm</c>, ARPA or .lm.bin); null when a grammar is given in <see cref="ExtraArguments"/>.</summary>
    public string? LanguageModelPath { get; init; }

    /// <summary>Sample rate of the int16 audio passed to <see cref="PocketSphinxDecoder.ProcessRaw"/> (<c>-samprate</c>).</summary>
    public int SampleRate { get; init; } = 16_000;

    /// <summary>
    /// Further pocketsphinx arguments as name/value pairs, e.g. ("-beam", "1e-60"). Names are checked strictly by
    /// pocketsphinx. Do not change <c>-frate</c>: segment times assume 100 frames a second.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraArguments { get; init; } = [];
}
