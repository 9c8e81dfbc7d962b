namespace Captions.Renderer.Text;

/// <summary>
/// A glyph in the atlas: its bitmap at (AtlasX, AtlasY), Width x Height, placed Left pixels right of the pen and
/// Top pixels above the baseline. An empty bitmap (a space) has no atlas slot.
/// </summary>
public readonly record struct CachedGlyph(int AtlasX, int AtlasY, int Width, int Height, int Left, int Top)
{
    public bool IsEmpty => Width == 0 || Height == 0;
}
