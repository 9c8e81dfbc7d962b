namespace Captions.Native.FreeType.Interop;

/// <summary>
/// Byte offsets into FreeType's public records on LP64 (x86-64 and arm64 Linux), measured with offsetof() against
/// the 2.12.1 headers (/usr/include/freetype2, libfreetype-dev). FreeType keeps these records ABI-stable within
/// SONAME 6. The binding tests cross-check them through known values (DejaVu Sans: units_per_EM 2048, ascender 1901).
/// </summary>
internal static class RecordLayout
{
    // FT_FaceRec
    internal const int FaceNumFaces = 0;          // FT_Long
    internal const int FaceFlags = 16;            // FT_Long
    internal const int FaceNumGlyphs = 32;        // FT_Long
    internal const int FaceFamilyName = 40;       // FT_String*
    internal const int FaceUnitsPerEm = 136;      // FT_UShort
    internal const int FaceAscender = 138;        // FT_Short
    internal const int FaceDescender = 140;       // FT_Short
    internal const int FaceHeight = 142;          // FT_Short
    internal const int FaceGlyph = 152;           // FT_GlyphSlot
    internal const int FaceSize = 160;            // FT_Size

    // FT_SizeRec.metrics (FT_Size_Metrics): x_ppem, y_ppem (FT_UShort), x_scale, y_scale, ascender, descender,
    // height, max_advance (FT_Fixed / FT_Pos = FT_Long).
    internal const int SizeMetrics = 24;
    internal const int MetricsXPpem = 0;
    internal const int MetricsYPpem = 2;
    internal const int MetricsAscender = 24;
    internal const int MetricsDescender = 32;
    internal const int MetricsHeight = 40;
    internal const int MetricsMaxAdvance = 48;

    // FT_GlyphSlotRec
    internal const int SlotGlyphIndex = 24;       // FT_UInt
    internal const int SlotAdvance = 128;         // FT_Vector (2 x FT_Pos)
    internal const int SlotBitmap = 152;          // FT_Bitmap
    internal const int SlotBitmapLeft = 192;      // FT_Int
    internal const int SlotBitmapTop = 196;       // FT_Int

    // FT_Bitmap
    internal const int BitmapRows = 0;            // unsigned int
    internal const int BitmapWidth = 4;           // unsigned int
    internal const int BitmapPitch = 8;           // int
    internal const int BitmapBuffer = 16;         // unsigned char*
    internal const int BitmapPixelMode = 26;      // unsigned char
}
