namespace Captions.Renderer.Drawing;

/// <summary>An sRGB-encoded colour with straight (not premultiplied) alpha, one byte a channel.</summary>
public readonly record struct Rgba32(byte R, byte G, byte B, byte A)
{
    public static Rgba32 Black => new(0, 0, 0, 255);

    public static Rgba32 White => new(255, 255, 255, 255);

    public static Rgba32 Transparent => new(0, 0, 0, 0);
}
