using Captions.Renderer.Text;

namespace Captions.Renderer.Drawing;

/// <summary>
/// Everything one frame draws: the caption plane's quads (shared by both eyes), where each eye puts that plane, and
/// the atlas the glyph quads sample. The background is black: on additive micro-OLED displays black is transparent.
/// Threading model: filled and read on the render thread only.
/// </summary>
public sealed class RenderFrame
{
    public RenderFrame(int eyeWidth, int eyeHeight, int capacity = DrawList.DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eyeWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(eyeHeight, 1);
        EyeWidth = eyeWidth;
        EyeHeight = eyeHeight;
        Quads = new DrawList(capacity);
    }

    public int EyeWidth { get; }

    public int EyeHeight { get; }

    public DrawList Quads { get; }

    public EyeOffset Left { get; set; }

    public EyeOffset Right { get; set; }

    /// <summary>The atlas the glyph quads sample (null when the frame has no glyphs).</summary>
    public GlyphAtlas? Atlas { get; set; }

    /// <summary>
    /// What the composer returned for this frame: false when it equals the previous one, so an output that only
    /// records changes (PNG frames) can skip drawing it. Set by the render loop.
    /// </summary>
    public bool ContentChanged { get; set; }

    public void Clear()
    {
        Quads.Clear();
        Left = default;
        Right = default;
    }
}
