using Captions.Engine.Captioning;

namespace Captions.Engine.Speech;

/// <summary>
/// What a recogniser believes was said in the current utterance. Partial hypotheses may change;
/// a final one (<see cref="IsFinal"/>) closes the utterance. Times are stream times.
/// </summary>
/// <remarks>
/// A streaming recogniser may settle part of a long utterance before it ends (Whisper's LocalAgreement does). It
/// returns that part as <see cref="Committed"/>: the recogniser stage closes the current caption line with it, and
/// this hypothesis (<see cref="Text"/>, <see cref="Words"/>) becomes the first version of the next line. Recognisers
/// that only settle at the end of an utterance (pocketsphinx) never set it.
/// </remarks>
public sealed record SpeechHypothesis(
    string Text,
    bool IsFinal,
    IReadOnlyList<WordTiming> Words,
    TimeSpan Start,
    TimeSpan End)
{
    /// <summary>
    /// Text settled since the previous hypothesis that will never change (<see cref="IsFinal"/> true), closing the
    /// current line; null when nothing was settled. Its words precede this hypothesis's words.
    /// </summary>
    public SpeechHypothesis? Committed { get; init; }

    /// <summary>
    /// How many leading <see cref="Words"/> are settled: they will appear exactly so in this line's committed version
    /// (Whisper's LocalAgreement-confirmed words waiting for the line to close). 0 when the recogniser cannot say;
    /// a final hypothesis is settled whole whatever this says.
    /// </summary>
    public int StableWords { get; init; }
}
