using System.Runtime.InteropServices;

namespace Captions.Native.FreeType.Interop;

/// <summary>FreeType 2.12 entry points (Debian libfreetype6). Handles are raw pointers; the public types own them.</summary>
internal static partial class NativeMethods
{
    internal const string Library = "freetype";

    [LibraryImport(Library)]
    internal static partial int FT_Init_FreeType(out nint library);

    [LibraryImport(Library)]
    internal static partial int FT_Done_FreeType(nint library);

    [LibraryImport(Library)]
    internal static partial void FT_Library_Version(nint library, out int major, out int minor, out int patch);

    // FT_Long face_index is 64-bit on LP64.
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int FT_New_Face(nint library, string path, nint faceIndex, out nint face);

    [LibraryImport(Library)]
    internal static partial int FT_Done_Face(nint face);

    [LibraryImport(Library)]
    internal static partial int FT_Set_Pixel_Sizes(nint face, uint pixelWidth, uint pixelHeight);

    // FT_ULong charcode is 64-bit on LP64.
    [LibraryImport(Library)]
    internal static partial uint FT_Get_Char_Index(nint face, nuint charCode);

    [LibraryImport(Library)]
    internal static partial int FT_Load_Glyph(nint face, uint glyphIndex, int loadFlags);

    [LibraryImport(Library)]
    internal static partial int FT_Render_Glyph(nint slot, int renderMode);
}
