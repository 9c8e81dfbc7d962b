using System.Buffers.Binary;
using Captions.Native.Leptonica;

namespace Captions.Vision.Imaging;

/// <summary>
/// Decodes a photo (JPEG, PNG, TIFF, BMP, PNM, GIF, WebP, JPEG 2000: whatever Debian's leptonica reads) into an RGB
/// <see cref="ImageFrame"/> no larger than <c>maxSide</c> on its longer side.
/// </summary>
/// <remarks>
/// Memory stays bounded whatever the file claims: the header is read first (no pixels decoded); a JPEG larger than
/// <c>maxSide</c> is reduced by 2, 4 or 8 inside libjpeg's IDCT (as far as it can without going below
/// <c>maxSide</c>), so a 20000x20000 JPEG costs a 2500x2500 decode;
/// any other image above <see cref="MaxDecodedPixels"/>, or a JPEG still above it after reducing by 8, is refused
/// before decoding. The reduced image is scaled to fit by leptonica (area mapping) before the RGB copy.
/// Threading model: stateless; safe to call from several threads.
/// </remarks>
public static class ImageDecoder
{
    public const int DefaultMaxSide = 4096;

    /// <summary>
    /// Largest image decoded at full size: 64 Mpixel (8000x8000). Leptonica holds 4 bytes a pixel and its PNG reader
    /// another 3 in libpng's rows, so the peak stays under ~450 MB.
    /// </summary>
    public const long MaxDecodedPixels = 64_000_000;

    // Enough for the format signatures and a PNG's IHDR size (bytes 16-23).
    private const int HeadLength = 32;

    private static readonly int[] s_jpegReductions = [1, 2, 4, 8];

    /// <summary>Decodes the image file at <paramref name="path"/>.</summary>
    /// <exception cref="ImageDecodeException">Missing, empty, unsupported, corrupt, truncated, 0x0 or too large.</exception>
    public static ImageFrame Decode(string path, int maxSide = DefaultMaxSide)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        if (!File.Exists(path))
        {
            throw new ImageDecodeException(Directory.Exists(path)
                ? $"image {path}: is a directory, not an image file"
                : $"image {path}: file not found");
        }

        long length;
        Span<byte> head = stackalloc byte[HeadLength];
        int headLength;
        try
        {
            using var stream = File.OpenRead(path);
            length = stream.Length;
            headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (IOException ex)
        {
            throw new ImageDecodeException($"image {path}: cannot be read ({ex.Message})", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ImageDecodeException($"image {path}: cannot be read ({ex.Message})", ex);
        }

        return DecodeCore(path, [], head[..headLength], length, path, maxSide);
    }

    /// <summary>Decodes an image held in memory; <paramref name="name"/> names it in errors and in <see cref="ImageFrame.Origin"/>.</summary>
    /// <exception cref="ImageDecodeException">Empty, unsupported, corrupt, truncated, 0x0 or too large.</exception>
    public static ImageFrame Decode(ReadOnlySpan<byte> data, string name, int maxSide = DefaultMaxSide)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        return DecodeCore(null, data, data[..Math.Min(HeadLength, data.Length)], data.Length, name, maxSide);
    }

    /// <summary>The size of a <paramref name="width"/> x <paramref name="height"/> image scaled to fit <paramref name="maxSide"/> (never enlarged).</summary>
    public static (int Width, int Height) FitSize(int width, int height, int maxSide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        int longer = Math.Max(width, height);
        if (longer <= maxSide)
        {
            return (width, height);
        }

        double scale = (double)maxSide / longer;
        return (Math.Clamp((int)Math.Round(width * scale), 1, maxSide), Math.Clamp((int)Math.Round(height * scale), 1, maxSide));
    }

    // path != null: decode the file at path; otherwise decode data. head is the first bytes either way.
    private static ImageFrame DecodeCore(string? path, ReadOnlySpan<byte> data, ReadOnlySpan<byte> head, long length, string name, int maxSide)
    {
        string what = $"image {name}";
        if (length == 0)
        {
            throw new ImageDecodeException($"{what}: the file is empty (0 bytes)");
        }

        ImageFileFormat format = ImageFileFormat.Unknown;
        PixHeader header;
        try
        {
            format = Pix.FindFormat(head);
            if (format == ImageFileFormat.Unknown || format is ImageFileFormat.PostScript or ImageFileFormat.Pdf or ImageFileFormat.Spix)
            {
                throw new ImageDecodeException(
                    $"{what}: unsupported format ({Describe(format, head)}); readable formats are JPEG, PNG, TIFF, BMP, PNM, GIF, WebP and JPEG 2000");
            }

            header = path is null ? Pix.ReadHeader(data, name) : Pix.ReadHeader(path);
        }
        catch (LeptonicaException ex)
        {
            // Leptonica refuses a 0x0 PNG as "invalid w or h": say what the header claims.
            if (format == ImageFileFormat.Png && head.Length >= 24 && head.Slice(12, 4).SequenceEqual("IHDR"u8))
            {
                int claimedWidth = BinaryPrimitives.ReadInt32BigEndian(head[16..]);
                int claimedHeight = BinaryPrimitives.ReadInt32BigEndian(head[20..]);
                if (claimedWidth <= 0 || claimedHeight <= 0)
                {
                    throw new ImageDecodeException($"{what}: the PNG header says the image is {claimedWidth}x{claimedHeight}; there are no pixels to decode", ex);
                }
            }

            throw new ImageDecodeException($"{what}: corrupt or truncated {FormatName(format)} header ({Strip(ex.Message, name)})", ex);
        }
        catch (DllNotFoundException ex)
        {
            throw new ImageDecodeException($"{what}: cannot decode images: {ex.Message}", ex);
        }

        string formatName = FormatName(header.Format);
        if (header.Width <= 0 || header.Height <= 0)
        {
            throw new ImageDecodeException($"{what}: the {formatName} header says the image is {header.Width}x{header.Height}; there are no pixels to decode");
        }

        int reduction = 1;
        if (header.Format == ImageFileFormat.Jpeg)
        {
            int longer = Math.Max(header.Width, header.Height);
            // Reduce as far as possible without going below maxSide; the area scale to maxSide follows.
            reduction = s_jpegReductions.LastOrDefault(r => CeilDiv(longer, r) >= maxSide, 1);
        }

        long decodedPixels = (long)CeilDiv(header.Width, reduction) * CeilDiv(header.Height, reduction);
        if (decodedPixels > MaxDecodedPixels)
        {
            string reduced = reduction > 1 ? $", {decodedPixels / 1_000_000} Mpixel even after reducing by {reduction} while decoding" : "";
            throw new ImageDecodeException(
                $"{what}: the {formatName} is {header.Width}x{header.Height} ({header.PixelCount / 1_000_000} Mpixel{reduced}), above the {MaxDecodedPixels / 1_000_000} Mpixel decode limit; scale it down first");
        }

        try
        {
            using Pix decoded = header.Format == ImageFileFormat.Jpeg
                ? (path is null ? Pix.ReadJpeg(data, name, reduction) : Pix.ReadJpeg(path, reduction))
                : (path is null ? Pix.Read(data, name) : Pix.Read(path));
            using Pix rgb = decoded.ConvertTo32();
            (int width, int height) = FitSize(rgb.Width, rgb.Height, maxSide);
            using Pix? scaled = width == rgb.Width && height == rgb.Height ? null : rgb.ScaleToSize(width, height);
            var pixels = new byte[checked(width * height * 3)];
            (scaled ?? rgb).CopyRgbTo(pixels, width * 3);
            return new ImageFrame(pixels, width, height, width * 3) { Origin = Path.GetFileName(name) };
        }
        catch (LeptonicaException ex)
        {
            throw new ImageDecodeException($"{what}: corrupt or truncated {formatName} ({Strip(ex.Message, name)})", ex);
        }
    }

    private static int CeilDiv(int value, int divisor) => (value + divisor - 1) / divisor;

    private static string FormatName(ImageFileFormat format) => format switch
    {
        ImageFileFormat.Jpeg => "JPEG",
        ImageFileFormat.Png => "PNG",
        ImageFileFormat.Bmp => "BMP",
        ImageFileFormat.Gif => "GIF",
        ImageFileFormat.WebP => "WebP",
        ImageFileFormat.Pnm => "PNM",
        ImageFileFormat.Jpeg2000 => "JPEG 2000",
        ImageFileFormat.Unknown => "image",
        _ when format.ToString().StartsWith("Tiff", StringComparison.Ordinal) => "TIFF",
        _ => format.ToString(),
    };

    private static string Describe(ImageFileFormat format, ReadOnlySpan<byte> head)
    {
        if (format != ImageFileFormat.Unknown)
        {
            return $"{format} is not a raster image";
        }

        bool text = head.Length > 0;
        foreach (byte b in head)
        {
            text &= b is (>= 0x20 and < 0x7F) or (byte)'\n' or (byte)'\r' or (byte)'\t' or >= 0x80;
        }

        string bytes = Convert.ToHexString(head[..Math.Min(8, head.Length)]);
        return text ? $"looks like text, starts with \"{System.Text.Encoding.UTF8.GetString(head).Split('\n')[0].Trim()}\"" : $"unknown signature {bytes}";
    }

    // Leptonica's messages repeat the file name; the exception already starts with it.
    private static string Strip(string message, string name) =>
        message.StartsWith(name + ": ", StringComparison.Ordinal) ? message[(name.Length + 2)..] : message;
}
