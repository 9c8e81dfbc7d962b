namespace Captions.Native.FreeType;

/// <summary>
/// A view of the glyph slot's FT_Bitmap: valid only until the next load or render on the same face.
/// <see cref="Buffer"/> holds <see cref="Rows"/> rows of |<see cref="Pitch"/>| bytes.
/// </summary>
public readonly unsafe ref struct GlyphBitmap
{
    private readonly byte* _buffer;

    internal GlyphBitmap(int rows, int width, int pitch, byte* buffer, PixelMode pixelMode)
    {
        Rows = rows;
        Width = width;
        Pitch = pitch;
        _buffer = buffer;
        PixelMode = pixelMode;
    }

    public int Rows { get; }

    public int Width { get; }

    public int Pitch { get; }

    public PixelMode PixelMode { get; }

    public ReadOnlySpan<byte> Buffer => _buffer == null ? default : new ReadOnlySpan<byte>(_buffer, Rows * Math.Abs(Pitch));
}
