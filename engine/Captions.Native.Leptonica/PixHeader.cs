namespace Captions.Native.Leptonica;

/// <summary>What an image file's header says, read without decoding the pixels (pixReadHeader).</summary>
/// <param name="Format">The file format.</param>
/// <param name="Width">Width in pixels as the header states it (may be 0 in a broken file).</param>
/// <param name="Height">Height in pixels as the header states it.</param>
/// <param name="BitsPerSample">Bits per sample (1, 2, 4, 8, 16).</param>
/// <param name="SamplesPerPixel">1 (gray or colormapped), 3 (RGB) or 4 (RGBA).</param>
/// <param name="IsColormapped">Whether pixels index a palette.</param>
public readonly record struct PixHeader(ImageFileFormat Format, int Width, int Height, int BitsPerSample, int SamplesPerPixel, bool IsColormapped)
{
    public long PixelCount => (long)Width * Height;
}
