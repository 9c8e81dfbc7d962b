using System.Runtime.InteropServices;

namespace Captions.Renderer.Drawing;

/// <summary>
/// One axis-aligned quad of one eye's caption plane, in whole eye pixels (origin top-left, y down), before the
/// per-eye offset. Whole pixels keep hinted glyphs crisp (a glyph is copied 1:1 from the atlas, never resampled) and
/// make the stereo test exact: the right eye is the left eye shifted by whole pixels.
/// Blending (GL and the CPU reference alike): a = coverage * Color.A / 255 (coverage 1 for Solid), mixed in linear
/// light: out = srgb(linear(dst) * (1 - a) + linear(color) * a).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct DrawQuad
{
    public int X;
    public int Y;
    public int Width;
    public int Height;

    /// <summary>Top-left of the glyph's coverage in the atlas (Glyph quads only).</summary>
    public int AtlasX;

    /// <summary>Top-left of the glyph's coverage in the atlas (Glyph quads only).</summary>
    public int AtlasY;

    public Rgba32 Color;
    public QuadKind Kind;

    public static DrawQuad Glyph(int x, int y, int width, int height, int atlasX, int atlasY, Rgba32 color) =>
        new() { X = x, Y = y, Width = width, Height = height, AtlasX = atlasX, AtlasY = atlasY, Color = color, Kind = QuadKind.Glyph };

    public static DrawQuad Solid(int x, int y, int width, int height, Rgba32 color) =>
        new() { X = x, Y = y, Width = width, Height = height, Color = color, Kind = QuadKind.Solid };
}
