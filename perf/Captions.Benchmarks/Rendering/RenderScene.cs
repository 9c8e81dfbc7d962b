using Captions.Renderer.Drawing;
using Captions.Renderer.Text;

namespace Captions.Benchmarks.Rendering;

/// <summary>
/// A caption-like benchmark scene: two dark panels and ~200 glyph quads of ~30x40 px (two lines of ~42 characters per
/// eye's caption plane plus a source line, as broadcast subtitles) sampling glyph-shaped coverage from a 1024x1024 atlas.
/// </summary>
internal static class RenderScene
{
    public const int GlyphWidth = 30;
    public const int GlyphHeight = 40;

    public static GlyphAtlas CreateAtlas(int glyphs)
    {
        var atlas = new GlyphAtlas(1024, 1024);
        var coverage = new byte[GlyphWidth * GlyphHeight];
        var random = new Random(42);
        int perRow = atlas.Width / GlyphWidth;
        for (int g = 0; g < glyphs; g++)
        {
            // Strokes with anti-aliased edges: roughly what hinted 40 px text looks like to the rasteriser.
            for (int i = 0; i < coverage.Length; i++)
            {
                int x = i % GlyphWidth;
                int v = random.Next(0, 8) < 3 || x % 9 < 3 ? 255 : random.Next(0, 96);
                coverage[i] = (byte)v;
            }

            atlas.Blit(g % perRow * GlyphWidth, g / perRow * GlyphHeight, GlyphWidth, GlyphHeight, coverage, GlyphWidth);
        }

        return atlas;
    }

    public static void Fill(RenderFrame frame, GlyphAtlas atlas, int glyphQuads)
    {
        frame.Clear();
        frame.Atlas = atlas;
        frame.Left = new EyeOffset(6, 0);
        frame.Right = new EyeOffset(-6, 0);
        int perRow = atlas.Width / GlyphWidth;
        int perLine = 84;
        int lines = (glyphQuads + perLine - 1) / perLine;
        int top = frame.EyeHeight - 60 - (lines * 48);
        frame.Quads.Add(DrawQuad.Solid(80, top - 12, frame.EyeWidth - 160, (lines * 48) + 24, new Rgba32(0, 0, 0, 160)));
        for (int i = 0; i < glyphQuads; i++)
        {
            int glyph = i % 200;
            int line = i / perLine;
            int column = i % perLine;
            frame.Quads.Add(DrawQuad.Glyph(
                100 + (column * 20), top + (line * 48), GlyphWidth, GlyphHeight,
                glyph % perRow * GlyphWidth, glyph / perRow * GlyphHeight, line == 0 ? new Rgba32(200, 200, 200, 255) : Rgba32.White));
        }
    }
}
