namespace Captions.Renderer.Text;

/// <summary>
/// The glyphs of a single Layout call do not fit the atlas even after evicting every glyph not used by that call.
/// The layouter never evicts a glyph placed in the same call (its position is already in the output), so the only
/// remedies are a larger atlas, a smaller size or a shorter paragraph.
/// </summary>
public sealed class GlyphAtlasFullException : Exception
{
    public GlyphAtlasFullException()
    {
    }

    public GlyphAtlasFullException(string message)
        : base(message)
    {
    }

    public GlyphAtlasFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
