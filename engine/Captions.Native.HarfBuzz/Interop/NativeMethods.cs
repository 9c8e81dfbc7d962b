using System.Runtime.InteropServices;

namespace Captions.Native.HarfBuzz.Interop;

/// <summary>HarfBuzz 6.0 entry points (Debian libharfbuzz0b, which also exports the hb-ft functions).</summary>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "harfbuzz";

    [LibraryImport(Library)]
    internal static partial byte* hb_version_string();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint hb_blob_create_from_file_or_fail(string fileName);

    [LibraryImport(Library)]
    internal static partial uint hb_blob_get_length(nint blob);

    [LibraryImport(Library)]
    internal static partial void hb_blob_destroy(nint blob);

    [LibraryImport(Library)]
    internal static partial nint hb_face_create(nint blob, uint index);

    [LibraryImport(Library)]
    internal static partial uint hb_face_get_upem(nint face);

    [LibraryImport(Library)]
    internal static partial uint hb_face_get_glyph_count(nint face);

    [LibraryImport(Library)]
    internal static partial void hb_face_destroy(nint face);

    [LibraryImport(Library)]
    internal static partial nint hb_font_create(nint face);

    [LibraryImport(Library)]
    internal static partial void hb_font_set_scale(nint font, int xScale, int yScale);

    [LibraryImport(Library)]
    internal static partial void hb_font_get_scale(nint font, out int xScale, out int yScale);

    [LibraryImport(Library)]
    internal static partial void hb_font_destroy(nint font);

    [LibraryImport(Library)]
    internal static partial nint hb_ft_font_create_referenced(nint ftFace);

    [LibraryImport(Library)]
    internal static partial void hb_ft_font_set_load_flags(nint font, int loadFlags);

    [LibraryImport(Library)]
    internal static partial void hb_ft_font_changed(nint font);

    [LibraryImport(Library)]
    internal static partial nint hb_buffer_create();

    [LibraryImport(Library)]
    internal static partial int hb_buffer_allocation_successful(nint buffer);

    [LibraryImport(Library)]
    internal static partial void hb_buffer_destroy(nint buffer);

    [LibraryImport(Library)]
    internal static partial void hb_buffer_clear_contents(nint buffer);

    [LibraryImport(Library)]
    internal static partial void hb_buffer_add_utf16(nint buffer, char* text, int textLength, uint itemOffset, int itemLength);

    [LibraryImport(Library)]
    internal static partial void hb_buffer_set_direction(nint buffer, int direction);

    [LibraryImport(Library)]
    internal static partial int hb_buffer_get_direction(nint buffer);

    [LibraryImport(Library)]
    internal static partial void hb_buffer_set_script(nint buffer, uint script);

    [LibraryImport(Library)]
    internal static partial uint hb_buffer_get_script(nint buffer);

    [LibraryImport(Library)]
    internal static partial void hb_buffer_set_cluster_level(nint buffer, int clusterLevel);

    [LibraryImport(Library)]
    internal static partial void hb_buffer_guess_segment_properties(nint buffer);

    [LibraryImport(Library)]
    internal static partial uint hb_buffer_get_length(nint buffer);

    [LibraryImport(Library)]
    internal static partial GlyphInfo* hb_buffer_get_glyph_infos(nint buffer, out uint length);

    [LibraryImport(Library)]
    internal static partial GlyphPosition* hb_buffer_get_glyph_positions(nint buffer, out uint length);

    [LibraryImport(Library)]
    internal static partial void hb_shape(nint font, nint buffer, nint features, uint featureCount);

    [LibraryImport(Library)]
    internal static partial nint hb_unicode_funcs_get_default();

    [LibraryImport(Library)]
    internal static partial uint hb_unicode_script(nint unicodeFuncs, uint codePoint);
}
