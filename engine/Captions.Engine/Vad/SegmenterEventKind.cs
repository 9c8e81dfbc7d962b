namespace Captions.Engine.Vad;

/// <summary>What the frame just pushed into a <see cref="SpeechSegmenter"/> means for the caller.</summary>
public enum SegmenterEventKind
{
    /// <summary>The frame belongs to no utterance (it may still become pre-roll of a later one).</summary>
    None,

    /// <summary>An utterance begins: it holds the <see cref="SegmenterEvent.PreRollFrames"/> frames before this one, then this one.</summary>
    SpeechStarted,

    /// <summary>The frame belongs to the open utterance.</summary>
    SpeechContinues,

    /// <summary>The frame is the last of the open utterance; close it after forwarding this frame.</summary>
    SpeechEnded,
}
