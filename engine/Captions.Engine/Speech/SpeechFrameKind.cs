namespace Captions.Engine.Speech;

public enum SpeechFrameKind
{
    /// <summary>The first frame of an utterance (pre-roll padding included), carrying audio.</summary>
    Start,

    /// <summary>A frame inside an utterance, carrying audio.</summary>
    Continue,

    /// <summary>The utterance ended; carries no audio.</summary>
    End,
}
