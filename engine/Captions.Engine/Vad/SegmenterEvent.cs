namespace Captions.Engine.Vad;

/// <summary>
/// The result of <see cref="SpeechSegmenter.Push"/> for one frame. A value type: pushing allocates nothing.
/// </summary>
/// <param name="Kind">What the pushed frame means.</param>
/// <param name="PreRollFrames">
/// For <see cref="SegmenterEventKind.SpeechStarted"/>: how many frames pushed <em>before</em> this one open the
/// utterance (frames that confirmed the onset plus pre-roll padding); send them oldest first, then this frame.
/// Never reaches back into a previous utterance. 0 otherwise.
/// </param>
/// <param name="TrailingFrames">
/// For <see cref="SegmenterEventKind.SpeechEnded"/>: how many of the utterance's last frames (this one included)
/// were silence; speech itself ended that many frames before the utterance end. 0 otherwise.
/// </param>
/// <param name="EndReason">Why an utterance ended; <see cref="SpeechEndReason.None"/> unless Kind is SpeechEnded.</param>
public readonly record struct SegmenterEvent(SegmenterEventKind Kind, int PreRollFrames, int TrailingFrames, SpeechEndReason EndReason)
{
    public static SegmenterEvent None => default;

    public static SegmenterEvent Continues => new(SegmenterEventKind.SpeechContinues, 0, 0, SpeechEndReason.None);

    /// <summary>True when the pushed frame belongs to an utterance (started, continues or ended with it).</summary>
    public bool IsSpeechFrame => Kind != SegmenterEventKind.None;

    public static SegmenterEvent Started(int preRollFrames) =>
        new(SegmenterEventKind.SpeechStarted, preRollFrames, 0, SpeechEndReason.None);

    public static SegmenterEvent Ended(int trailingFrames, SpeechEndReason reason) =>
        new(SegmenterEventKind.SpeechEnded, 0, trailingFrames, reason);
}
