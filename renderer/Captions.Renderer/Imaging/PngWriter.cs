using System.Buffers.Binary;
using System.IO.Compression;

namespace Captions.Renderer.Imaging;

/// <summary>
/// A minimal PNG encoder (8-bit RGB or RGBA, non-interlaced): signature, IHDR, one IDAT (zlib via
/// <see cref="ZLibStream"/>), IEND. Rows use filter 0 (none): caption frames are mostly black, which deflate already
/// shrinks ~200:1, and skipping filters keeps a 3840x1080 frame at tens of milliseconds.
/// </summary>
/// <remarks>Threading model: stateless; any thread.</remarks>
public static class PngWriter
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes <paramref name="pixels"/> (rows top-first, <paramref name="stride"/> bytes apart; 0 = packed) as a PNG file.</summary>
    public static void WriteFile(string path, ReadOnlySpan<byte> pixels, int width, int height, PngColorType colorType = PngColorType.Rgba, int stride = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(file, pixels, width, height, colorType, stride);
    }

    /// <summary>Writes <paramref name="pixels"/> (rows top-first, <paramref name="stride"/> bytes apart; 0 = packed) as PNG to <paramref name="output"/>.</summary>
    public static void Write(Stream output, ReadOnlySpan<byte> pixels, int width, int height, PngColorType colorType = PngColorType.Rgba, int stride = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        int channels = colorType switch
        {
            PngColorType.Rgb => 3,
            PngColorType.Rgba => 4,
            _ => throw new ArgumentOutOfRangeException(nameof(colorType), colorType, "only RGB and RGBA are written"),
        };
        int rowBytes = width * channels;
        if (stride == 0)
        {
            stride = rowBytes;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(stride, rowBytes);
        long needed = ((long)stride * (height - 1)) + rowBytes;
        if (pixels.Length < needed)
        {
            throw new ArgumentException($"{width}x{height} {colorType} pixels need {needed} bytes, got {pixels.Length}", nameof(pixels));
        }

        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = (byte)colorType;
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering (each row says its filter)
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR"u8, header);

        using (var idat = new MemoryStream())
        {
            using (var zlib = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true))
            {
                for (int y = 0; y < height; y++)
                {
                    zlib.WriteByte(0);
                    zlib.Write(pixels.Slice(y * stride, rowBytes));
                }
            }

            WriteChunk(output, "IDAT"u8, idat.GetBuffer().AsSpan(0, (int)idat.Length));
        }

        WriteChunk(output, "IEND"u8, []);
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        uint crc = Crc32.Append(Crc32.Append(0, type), data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }
}
