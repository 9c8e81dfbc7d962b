using System.Runtime.InteropServices;
using Captions.Native.Leptonica.Interop;

namespace Captions.Native.Leptonica;

/// <summary>
/// Owns one leptonica PIX (pixDestroy on dispose). Reads images with leptonica's codecs (JPEG through libjpeg-turbo,
/// PNG, TIFF, BMP, PNM, GIF, WebP, JPEG 2000 as Debian builds it), reads headers without decoding, converts to
/// 32 bpp and scales.
/// </summary>
/// <remarks>
/// A 32 bpp pix holds one native-order 32-bit word per pixel, 0xRRGGBBAA (on little-endian that is bytes A, B, G, R
/// in memory); <see cref="CopyRgbTo"/> reads words, so it is byte-order independent.
/// Threading model: a pix is not thread-safe; leptonica's read functions are reentrant.
/// </remarks>
public sealed class Pix : SafeHandle
{
    private Pix()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    public int Width => NativeMethods.pixGetWidth(Live());

    public int Height => NativeMethods.pixGetHeight(Live());

    /// <summary>Bits per pixel: 1, 2, 4, 8, 16 or 32.</summary>
    public int Depth => NativeMethods.pixGetDepth(Live());

    public int SamplesPerPixel => NativeMethods.pixGetSpp(Live());

    /// <summary>32-bit words per row.</summary>
    public int WordsPerLine => NativeMethods.pixGetWpl(Live());

    /// <summary>The format leptonica recognises from the first bytes of the file (Unknown for anything else).</summary>
    /// <exception cref="LeptonicaException">The file cannot be opened.</exception>
    public static ImageFileFormat FindFormat(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        LeptonicaNativeLibrary.EnsureLoaded();
        LeptonicaMessages.Clear();
        if (NativeMethods.findFileFormat(path, out int format) != 0 && format == 0)
        {
            string? reason = LeptonicaMessages.Take();
            if (reason is not null && !reason.Contains("unknown format", StringComparison.OrdinalIgnoreCase))
            {
                throw new LeptonicaException($"{path}: cannot read the file ({reason})");
            }
        }

        LeptonicaMessages.Clear();
        return (ImageFileFormat)format;
    }

    /// <summary>The format leptonica recognises from the first bytes of <paramref name="data"/>.</summary>
    public static unsafe ImageFileFormat FindFormat(ReadOnlySpan<byte> data)
    {
        LeptonicaNativeLibrary.EnsureLoaded();

        // findFileFormatBuffer looks at up to 12 bytes without a length: give it a zero-padded copy.
        Span<byte> padded = stackalloc byte[16];
        padded.Clear();
        data[..Math.Min(data.Length, padded.Length)].CopyTo(padded);
        fixed (byte* pointer = padded)
        {
            LeptonicaMessages.Clear();
            NativeMethods.findFileFormatBuffer(pointer, out int format);
            LeptonicaMessages.Clear();
            return (ImageFileFormat)format;
        }
    }

    /// <summary>Reads the header only: size, depth, format; no pixel is decoded.</summary>
    /// <exception cref="LeptonicaException">Unknown format or a header leptonica cannot parse.</exception>
    public static PixHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        LeptonicaNativeLibrary.EnsureLoaded();
        LeptonicaMessages.Clear();
        int status = NativeMethods.pixReadHeader(path, out int format, out int width, out int height, out int bps, out int spp, out int cmap);
        return HeaderOrThrow(status, path, format, width, height, bps, spp, cmap);
    }

    /// <inheritdoc cref="ReadHeader(string)"/>
    public static unsafe PixHeader ReadHeader(ReadOnlySpan<byte> data, string name)
    {
        LeptonicaNativeLibrary.EnsureLoaded();
        fixed (byte* pointer = data)
        {
            LeptonicaMessages.Clear();
            int status = NativeMethods.pixReadHeaderMem(pointer, (nuint)data.Length, out int format, out int width, out int height, out int bps, out int spp, out int cmap);
            return HeaderOrThrow(status, name, format, width, height, bps, spp, cmap);
        }
    }

    /// <summary>Decodes any format leptonica reads (pixRead).</summary>
    /// <exception cref="LeptonicaException">Leptonica could not decode it (its reason is in the message).</exception>
    public static Pix Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        LeptonicaNativeLibrary.EnsureLoaded();
        LeptonicaMessages.Clear();
        return Own(NativeMethods.pixRead(path), "pixRead", path);
    }

    /// <inheritdoc cref="Read(string)"/>
    public static unsafe Pix Read(ReadOnlySpan<byte> data, string name)
    {
        LeptonicaNativeLibrary.EnsureLoaded();
        fixed (byte* pointer = data)
        {
            LeptonicaMessages.Clear();
            return Own(NativeMethods.pixReadMem(pointer, (nuint)data.Length), "pixReadMem", name);
        }
    }

    /// <summary>
    /// Decodes a JPEG, optionally reduced by 2, 4 or 8 inside libjpeg's IDCT (memory and time scale with the reduced
    /// size, not the stored one). Bad data (truncated or corrupt entropy stream) fails instead of returning a
    /// partly gray picture.
    /// </summary>
    /// <exception cref="LeptonicaException">Not a JPEG, or corrupt or truncated.</exception>
    public static Pix ReadJpeg(string path, int reduction)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckReduction(reduction);
        LeptonicaNativeLibrary.EnsureLoaded();
        LeptonicaMessages.Clear();
        return Own(NativeMethods.pixReadJpeg(path, 0, reduction, out _, NativeMethods.JpegFailOnBadData), "pixReadJpeg", path);
    }

    /// <inheritdoc cref="ReadJpeg(string, int)"/>
    public static unsafe Pix ReadJpeg(ReadOnlySpan<byte> data, string name, int reduction)
    {
        CheckReduction(reduction);
        LeptonicaNativeLibrary.EnsureLoaded();
        fixed (byte* pointer = data)
        {
            LeptonicaMessages.Clear();
            return Own(NativeMethods.pixReadMemJpeg(pointer, (nuint)data.Length, 0, reduction, out _, NativeMethods.JpegFailOnBadData), "pixReadMemJpeg", name);
        }
    }

    /// <summary>A 32 bpp RGB copy (gray, colormapped and low-depth images expanded); a 32 bpp pix is cloned.</summary>
    public Pix ConvertTo32() => Own(NativeMethods.pixConvertTo32(Live()), "pixConvertTo32", null);

    /// <summary>A copy scaled to exactly <paramref name="width"/> x <paramref name="height"/> (area-mapped when reducing).</summary>
    public Pix ScaleToSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        return Own(NativeMethods.pixScaleToSize(Live(), width, height), "pixScaleToSize", null);
    }

    /// <summary>Copies a 32 bpp pix into interleaved RGB rows of <paramref name="stride"/> bytes.</summary>
    /// <exception cref="InvalidOperationException">The pix is not 32 bpp (call <see cref="ConvertTo32"/> first).</exception>
    public unsafe void CopyRgbTo(Span<byte> destination, int stride)
    {
        nint pix = Live();
        int width = NativeMethods.pixGetWidth(pix);
        int height = NativeMethods.pixGetHeight(pix);
        if (NativeMethods.pixGetDepth(pix) != 32)
        {
            throw new InvalidOperationException($"CopyRgbTo needs a 32 bpp pix; this one is {NativeMethods.pixGetDepth(pix)} bpp");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width * 3);
        if ((long)stride * (height - 1) + (width * 3) > destination.Length)
        {
            throw new ArgumentException($"{width}x{height} RGB with stride {stride} does not fit in {destination.Length} bytes", nameof(destination));
        }

        int wpl = NativeMethods.pixGetWpl(pix);
        uint* data = NativeMethods.pixGetData(pix);
        for (int y = 0; y < height; y++)
        {
            var source = new ReadOnlySpan<uint>(data + ((long)y * wpl), width);
            Span<byte> row = destination.Slice(y * stride, width * 3);
            for (int x = 0, o = 0; x < source.Length; x++, o += 3)
            {
                uint word = source[x];
                row[o] = (byte)(word >> 24);
                row[o + 1] = (byte)(word >> 16);
                row[o + 2] = (byte)(word >> 8);
            }
        }
    }

    protected override bool ReleaseHandle()
    {
        nint pix = handle;
        NativeMethods.pixDestroy(ref pix);
        return true;
    }

    private static PixHeader HeaderOrThrow(int status, string name, int format, int width, int height, int bps, int spp, int cmap)
    {
        if (status != 0)
        {
            string reason = LeptonicaMessages.Take() ?? "no reason given";
            throw new LeptonicaException($"{name}: cannot read the image header ({reason})");
        }

        LeptonicaMessages.Clear();
        return new PixHeader((ImageFileFormat)format, width, height, bps, spp, cmap != 0);
    }

    private static Pix Own(nint pointer, string call, string? name)
    {
        if (pointer == 0)
        {
            string reason = LeptonicaMessages.Take() ?? "no reason given";
            throw new LeptonicaException(name is null ? $"{call} failed ({reason})" : $"{name}: {call} failed ({reason})");
        }

        LeptonicaMessages.Clear();
        var pix = new Pix();
        pix.SetHandle(pointer);
        return pix;
    }

    private static void CheckReduction(int reduction)
    {
        if (reduction is not (1 or 2 or 4 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "libjpeg reduces by 1, 2, 4 or 8 only");
        }
    }

    private nint Live()
    {
        ObjectDisposedException.ThrowIf(IsClosed || IsInvalid, this);
        return handle;
    }
}
