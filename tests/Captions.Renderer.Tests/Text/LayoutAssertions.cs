using Captions.Renderer.Text;

namespace Captions.Renderer.Tests.Text;

/// <summary>Helpers that read a laid-out block back: glyphs per line and the atlas pixels under a glyph.</summary>
internal static class LayoutAssertions
{
    public static PositionedGlyph[] Glyphs(TextBlock block, int line) => block.GlyphsOf(block[line]).ToArray();

    public static TextLine[] Lines(TextBlock block) => Enumerable.Range(0, block.LineCount).Select(line => block[line]).ToArray();

    public static PositionedGlyph[] AllGlyphs(TextBlock block) =>
        Enumerable.Range(0, block.LineCount).SelectMany(line => Glyphs(block, line)).ToArray();

    public static string LineText(string text, TextBlock block, int line) => text.Substring(block[line].Start, block[line].Length);

    public static byte[] Pixels(GlyphAtlas atlas, in PositionedGlyph glyph)
    {
        var pixels = new byte[glyph.Width * glyph.Height];
        for (int row = 0; row < glyph.Height; row++)
        {
            atlas.Pixels.Slice(((glyph.AtlasY + row) * atlas.Width) + glyph.AtlasX, glyph.Width).CopyTo(pixels.AsSpan(row * glyph.Width));
        }

        return pixels;
    }

    public static void ShouldTileTheText(TextBlock block, string text)
    {
        int next = 0;
        for (int line = 0; line < block.LineCount; line++)
        {
            block[line].Start.Should().Be(next, $"line {line} continues where line {line - 1} ended");
            next += block[line].Length;
        }

        next.Should().Be(text.Length, "the lines cover the whole text");
    }
}
