namespace Captions.Engine.Captioning;

public enum CaptionState
{
    /// <summary>Still changing: a newer version of the same line will replace it.</summary>
    Partial,

    /// <summary>Final: its words never change again.</summary>
    Committed,
}
