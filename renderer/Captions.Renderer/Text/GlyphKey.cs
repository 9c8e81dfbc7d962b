namespace Captions.Renderer.Text;

/// <summary>
/// What identifies a rasterised glyph: font (index in the <see cref="FontCollection"/>; -1 for the placeholder box),
/// glyph id in that font and pixel size.
/// </summary>
public readonly record struct GlyphKey(int Font, uint GlyphId, int SizePx);
