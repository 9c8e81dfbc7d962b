namespace Captions.Native.FreeType;

/// <summary>FT_Pixel_Mode of a rendered bitmap; <see cref="Gray"/> is one byte of coverage per pixel.</summary>
public enum PixelMode
{
    None = 0,
    Mono = 1,
    Gray = 2,
    Gray2 = 3,
    Gray4 = 4,
    Lcd = 5,
    LcdV = 6,
    Bgra = 7,
}
