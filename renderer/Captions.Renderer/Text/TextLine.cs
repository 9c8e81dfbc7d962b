namespace Captions.Renderer.Text;

/// <summary>
/// One laid-out line: characters [Start, Start + Length) of the text (logical order), its advance width in pixels,
/// its paragraph direction, and where its glyphs are in the owning <see cref="TextBlock"/>.
/// </summary>
public readonly record struct TextLine(int Start, int Length, int Width, bool IsRightToLeft, int FirstGlyph, int GlyphCount);
