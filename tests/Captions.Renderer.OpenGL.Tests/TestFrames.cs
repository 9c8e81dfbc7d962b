using Captions.Renderer.Drawing;
using Captions.Renderer.Text;

namespace Captions.Renderer.OpenGL.Tests;

/// <summary>Frames with atlas content written here: gradients, solid glyph-like blocks, partial coverage, alpha panels.</summary>
internal static class TestFrames
{
    public static GlyphAtlas CreateAtlas()
    {
        var atlas = new GlyphAtlas(256, 128);

        // A horizontal 0..255 ramp (every coverage value once) at (0, 0), 256x8.
        var ramp = new byte[256 * 8];
        for (int y = 0; y < 8; y++)
        {
            for (int x = 0; x < 256; x++)
            {
                ramp[(y * 256) + x] = (byte)x;
            }
        }

        atlas.Blit(0, 0, 256, 8, ramp, 256);

        // A glyph-like block: solid core, anti-aliased edge (partial coverage 64/128/192) at (0, 16), 20x24.
        var glyph = new byte[20 * 24];
        for (int y = 0; y < 24; y++)
        {
            for (int x = 0; x < 20; x++)
            {
                int edge = Math.Min(Math.Min(x, 19 - x), Math.Min(y, 23 - y));
                glyph[(y * 20) + x] = edge switch { 0 => 64, 1 => 128, 2 => 192, _ => 255 };
            }
        }

        atlas.Blit(0, 16, 20, 24, glyph, 20);

        // A checker of 0/255 and a diagonal gradient at (32, 16), 32x32.
        var mixed = new byte[32 * 32];
        for (int y = 0; y < 32; y++)
        {
            for (int x = 0; x < 32; x++)
            {
                mixed[(y * 32) + x] = y < 16 ? (byte)(((x / 4) + (y / 4)) % 2 * 255) : (byte)((x + y) * 4);
            }
        }

        atlas.Blit(32, 16, 32, 32, mixed, 32);
        return atlas;
    }

    /// <summary>A 160x96 eye with glyphs in several colours, overlapping translucent panels and a quad past the eye's edge.</summary>
    public static RenderFrame CreateScene(GlyphAtlas atlas, EyeOffset left = default, EyeOffset right = default, bool pastEdge = true)
    {
        var frame = new RenderFrame(160, 96, capacity: 64) { Atlas = atlas, Left = left, Right = right };
        // pastEdge false keeps every quad 10+ px inside the eye, so offsets up to +-10 px never clip.
        frame.Quads.Add(pastEdge ? DrawQuad.Solid(4, 60, 150, 30, new Rgba32(20, 20, 60, 160)) : DrawQuad.Solid(12, 60, 136, 30, new Rgba32(20, 20, 60, 160)));
        frame.Quads.Add(pastEdge ? DrawQuad.Glyph(2, 2, 156, 8, 0, 0, Rgba32.White) : DrawQuad.Glyph(12, 2, 136, 8, 0, 0, Rgba32.White));
        frame.Quads.Add(DrawQuad.Glyph(10, 20, 20, 24, 0, 16, new Rgba32(255, 220, 0, 255)));
        frame.Quads.Add(DrawQuad.Glyph(34, 20, 20, 24, 0, 16, new Rgba32(200, 200, 255, 128)));
        frame.Quads.Add(DrawQuad.Glyph(60, 14, 32, 32, 32, 16, new Rgba32(0, 255, 128, 255)));
        frame.Quads.Add(DrawQuad.Solid(80, 30, 40, 40, new Rgba32(255, 0, 0, 100)));
        frame.Quads.Add(DrawQuad.Glyph(70, 62, 20, 24, 0, 16, new Rgba32(255, 255, 255, 230)));
        if (pastEdge)
        {
            frame.Quads.Add(DrawQuad.Glyph(140, 40, 32, 32, 32, 16, Rgba32.White));
        }

        return frame;
    }
}
