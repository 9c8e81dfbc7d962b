namespace Captions.Renderer.Imaging;

/// <summary>The PNG colour types the writer emits (8 bits a channel); values are the IHDR colour type byte.</summary>
public enum PngColorType : byte
{
    /// <summary>Truecolour, 3 bytes a pixel.</summary>
    Rgb = 2,

    /// <summary>Truecolour with alpha (straight), 4 bytes a pixel.</summary>
    Rgba = 6,
}
