using System.Runtime.InteropServices;
using Captions.Native.FreeType.Interop;

namespace Captions.Native.FreeType;

/// <summary>
/// One FT_Face (SharpFont's <c>Face</c>): a font file's face at one active pixel size, with its glyph slot.
/// Threading model: one thread at a time (FreeType faces are not thread-safe).
/// </summary>
public sealed unsafe class FreeTypeFace : IDisposable
{
    private readonly FreeTypeFaceHandle _handle;

    internal FreeTypeFace(FreeTypeFaceHandle handle, string path, int faceIndex)
    {
        _handle = handle;
        Path = path;
        FaceIndex = faceIndex;
        FamilyName = Marshal.PtrToStringUTF8(*(nint*)(Face + RecordLayout.FaceFamilyName));
    }

    public string Path { get; }

    public int FaceIndex { get; }

    public FreeTypeFaceHandle Handle => _handle;

    /// <summary>The raw FT_Face pointer, for HarfBuzz's hb_ft_font_create_referenced.</summary>
    public nint NativePointer => _handle.DangerousGetHandle();

    public string? FamilyName { get; }

    /// <summary>Faces in the file (more than 1 for a .ttc collection).</summary>
    public long FaceCount => *(long*)(Face + RecordLayout.FaceNumFaces);

    public long GlyphCount => *(long*)(Face + RecordLayout.FaceNumGlyphs);

    public int UnitsPerEm => *(ushort*)(Face + RecordLayout.FaceUnitsPerEm);

    /// <summary>Typographic ascender in font units.</summary>
    public int Ascender => *(short*)(Face + RecordLayout.FaceAscender);

    /// <summary>Typographic descender in font units (negative).</summary>
    public int Descender => *(short*)(Face + RecordLayout.FaceDescender);

    /// <summary>Baseline-to-baseline distance in font units.</summary>
    public int Height => *(short*)(Face + RecordLayout.FaceHeight);

    /// <summary>Metrics of the size set by <see cref="SetPixelSizes"/>.</summary>
    public SizeMetrics SizeMetrics
    {
        get
        {
            byte* size = *(byte**)(Face + RecordLayout.FaceSize);
            byte* metrics = size + RecordLayout.SizeMetrics;
            return new SizeMetrics(
                *(ushort*)(metrics + RecordLayout.MetricsXPpem),
                *(ushort*)(metrics + RecordLayout.MetricsYPpem),
                *(long*)(metrics + RecordLayout.MetricsAscender),
                *(long*)(metrics + RecordLayout.MetricsDescender),
                *(long*)(metrics + RecordLayout.MetricsHeight),
                *(long*)(metrics + RecordLayout.MetricsMaxAdvance));
        }
    }

    /// <summary>The glyph slot filled by the last <see cref="LoadGlyph"/> / <see cref="RenderGlyph"/>.</summary>
    public GlyphSlot Glyph => new(*(byte**)(Face + RecordLayout.FaceGlyph));

    private byte* Face
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return (byte*)_handle.DangerousGetHandle();
        }
    }

    /// <summary>Sets the pixel size (pixels per em); 0 for one dimension means "same as the other".</summary>
    public void SetPixelSizes(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Check(NativeMethods.FT_Set_Pixel_Sizes((nint)Face, (uint)width, (uint)height), "FT_Set_Pixel_Sizes");
    }

    /// <summary>The glyph for a Unicode code point in the face's charmap, or 0 (.notdef) when the face lacks it.</summary>
    public uint GetCharIndex(int codePoint) => NativeMethods.FT_Get_Char_Index((nint)Face, (nuint)(uint)codePoint);

    public void LoadGlyph(uint glyphIndex, LoadFlags flags) =>
        Check(NativeMethods.FT_Load_Glyph((nint)Face, glyphIndex, (int)flags), "FT_Load_Glyph");

    /// <summary>Renders the loaded glyph into the slot's bitmap (Normal: 8-bit linear coverage).</summary>
    public void RenderGlyph(RenderMode mode) =>
        Check(NativeMethods.FT_Render_Glyph(*(nint*)(Face + RecordLayout.FaceGlyph), (int)mode), "FT_Render_Glyph");

    public void Dispose() => _handle.Dispose();

    private void Check(int error, string operation)
    {
        if (error != 0)
        {
            throw new FreeTypeException(operation, error, Path);
        }
    }
}
