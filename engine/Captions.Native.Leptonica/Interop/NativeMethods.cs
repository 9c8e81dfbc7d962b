using System.Runtime.InteropServices;

namespace Captions.Native.Leptonica.Interop;

/// <summary>
/// Leptonica 1.82 entry points (Debian liblept5). PIX* handles are raw pointers here; <see cref="Pix"/> owns them.
/// l_int32 is int, l_ok is int (0 = success), size_t is nuint.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "lept";

    // enum { L_SEVERITY_EXTERNAL = 0, ALL = 1, DEBUG = 2, INFO = 3, WARNING = 4, ERROR = 5, NONE = 6 }
    internal const int SeverityError = 5;

    // pixReadJpeg hint: 0 = fail on bad data (1.82's default), 2 = L_JPEG_CONTINUE_WITH_BAD_DATA.
    internal const int JpegFailOnBadData = 0;

    [LibraryImport(Library)]
    internal static partial nint getLeptonicaVersion();

    [LibraryImport(Library)]
    internal static partial void lept_free(nint pointer);

    [LibraryImport(Library)]
    internal static partial int setMsgSeverity(int severity);

    [LibraryImport(Library)]
    internal static partial void leptSetStderrHandler(delegate* unmanaged[Cdecl]<byte*, void> handler);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int findFileFormat(string path, out int format);

    // Reads up to 12 bytes of buf without a length: callers pass a padded copy.
    [LibraryImport(Library)]
    internal static partial int findFileFormatBuffer(byte* buffer, out int format);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pixReadHeader(string path, out int format, out int width, out int height, out int bitsPerSample, out int samplesPerPixel, out int isColormapped);

    [LibraryImport(Library)]
    internal static partial int pixReadHeaderMem(byte* data, nuint size, out int format, out int width, out int height, out int bitsPerSample, out int samplesPerPixel, out int isColormapped);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint pixRead(string path);

    [LibraryImport(Library)]
    internal static partial nint pixReadMem(byte* data, nuint size);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint pixReadJpeg(string path, int colormapFlag, int reduction, out int warnings, int hint);

    [LibraryImport(Library)]
    internal static partial nint pixReadMemJpeg(byte* data, nuint size, int colormapFlag, int reduction, out int warnings, int hint);

    [LibraryImport(Library)]
    internal static partial int pixGetWidth(nint pix);

    [LibraryImport(Library)]
    internal static partial int pixGetHeight(nint pix);

    [LibraryImport(Library)]
    internal static partial int pixGetDepth(nint pix);

    [LibraryImport(Library)]
    internal static partial int pixGetSpp(nint pix);

    [LibraryImport(Library)]
    internal static partial int pixGetWpl(nint pix);

    [LibraryImport(Library)]
    internal static partial uint* pixGetData(nint pix);

    [LibraryImport(Library)]
    internal static partial nint pixConvertTo32(nint pix);

    [LibraryImport(Library)]
    internal static partial nint pixScaleToSize(nint pix, int width, int height);

    [LibraryImport(Library)]
    internal static partial void pixDestroy(ref nint pix);
}
