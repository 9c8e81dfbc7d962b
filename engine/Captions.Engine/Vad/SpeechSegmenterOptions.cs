using Captions.Engine.Audio;

namespace Captions.Engine.Vad;

/// <summary>
/// How a <see cref="SpeechSegmenter"/> turns per-frame speech probabilities into utterances. Durations are rounded
/// up to whole frames of <see cref="FrameDuration"/>. The defaults suit captions: a 300 ms pause ends a line, which
/// keeps commit latency low without splitting on the gaps between words (typically 50-200 ms).
/// </summary>
public sealed record SpeechSegmenterOptions
{
    /// <summary>Duration of one pushed frame (20 ms = <see cref="AudioFormat.FrameSamples"/> at 16 kHz).</summary>
    public TimeSpan FrameDuration { get; init; } = AudioFormat.FrameDuration;

    /// <summary>A frame at or above this probability may start speech.</summary>
    public float EnterThreshold { get; init; } = 0.6f;

    /// <summary>
    /// Inside speech, a frame below this probability counts as silence. Lower than <see cref="EnterThreshold"/>
    /// (hysteresis), so a probability hovering around one threshold does not toggle speech on and off.
    /// </summary>
    public float ExitThreshold { get; init; } = 0.35f;

    /// <summary>
    /// Consecutive frames at or above <see cref="EnterThreshold"/> needed before speech is declared. 100 ms rejects
    /// clicks and taps (10-40 ms) but not a short word (a syllable lasts 150-250 ms).
    /// </summary>
    public TimeSpan MinSpeech { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Consecutive silent frames (below <see cref="ExitThreshold"/>) that end speech: the hangover.</summary>
    public TimeSpan Hangover { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Audio kept before the first confirmed frame, so a soft onset ("h", "f", "s") reaches the recogniser. 200 ms.
    /// </summary>
    public TimeSpan PreRoll { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Longest utterance, pre-roll and hangover included: speech is ended (and resumed as a new utterance) when it is
    /// reached, so a recogniser never buffers unbounded audio. 15 s.
    /// </summary>
    public TimeSpan MaxUtterance { get; init; } = TimeSpan.FromSeconds(15);
}
