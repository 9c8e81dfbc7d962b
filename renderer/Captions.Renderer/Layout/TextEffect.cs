namespace Captions.Renderer.Layout;

/// <summary>
/// A dark edge behind caption text. Off by default: on additive displays black is transparent, so an outline only
/// costs fill; it helps where captions are recorded over video or shown on an ordinary screen.
/// </summary>
public enum TextEffect
{
    None,

    /// <summary>One copy of each glyph offset down and right by the effect width.</summary>
    Shadow,

    /// <summary>Eight copies around each glyph at the effect width.</summary>
    Outline,
}
