namespace Captions.Engine.Vad;

public enum SpeechEndReason
{
    /// <summary>Not an end event.</summary>
    None,

    /// <summary>The hangover of silence elapsed.</summary>
    Silence,

    /// <summary>
    /// <see cref="SpeechSegmenterOptions.MaxUtterance"/> was reached. If speech goes on, the next frame starts a new
    /// utterance at once (with no pre-roll, so no audio is sent twice).
    /// </summary>
    MaxLength,
}
