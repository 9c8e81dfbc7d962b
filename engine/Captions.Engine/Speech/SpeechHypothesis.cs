using Captions.Engine.Captioning;

namespace Captions.Engine.Speech;

/// <summary>
/// What a recogniser believes was said in the current utterance. Partial hypotheses may change;
/// a final one (<see cref="IsFinal"/>) closes the utterance. Times are stream times.
/// </summary>
public sealed record SpeechHypothesis(
    string Text,
    bool IsFinal,
    IReadOnlyList<WordTiming> Words,
    TimeSpan Start,
    TimeSpan End);
