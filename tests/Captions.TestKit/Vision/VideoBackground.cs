namespace Captions.TestKit.Vision;

/// <summary>What a synthetic video's sign moves over.</summary>
public enum VideoBackground
{
    /// <summary>One flat colour: nothing for a detector to find but the sign.</summary>
    Plain,

    /// <summary>ffmpeg testsrc2: colour bars and moving shapes, clutter with sharp edges; its clock is blanked (no text but the sign).</summary>
    TestPattern,

    // No ffmpeg `gradients` option: its output differs from run to run even with a fixed seed (ffmpeg 5.1).
}
