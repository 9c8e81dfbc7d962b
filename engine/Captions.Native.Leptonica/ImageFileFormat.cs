namespace Captions.Native.Leptonica;

/// <summary>Leptonica's IFF_* file formats (imageio.h, 1.82), as findFileFormat and pixReadHeader report them.</summary>
public enum ImageFileFormat
{
    Unknown = 0,
    Bmp = 1,
    Jpeg = 2,
    Png = 3,
    Tiff = 4,
    TiffPackbits = 5,
    TiffRle = 6,
    TiffG3 = 7,
    TiffG4 = 8,
    TiffLzw = 9,
    TiffZip = 10,
    Pnm = 11,
    PostScript = 12,
    Gif = 13,
    Jpeg2000 = 14,
    WebP = 15,
    Pdf = 16,
    TiffJpeg = 17,
    Default = 18,
    Spix = 19,
}
