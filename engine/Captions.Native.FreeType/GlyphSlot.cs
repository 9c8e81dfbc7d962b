using Captions.Native.FreeType.Interop;

namespace Captions.Native.FreeType;

/// <summary>
/// The face's glyph slot (FT_GlyphSlotRec) after <see cref="FreeTypeFace.LoadGlyph"/>: advance in 26.6 pixels,
/// the rendered bitmap and its offset from the pen position (left, and top = rows above the baseline).
/// A view: the next load on the same face overwrites it.
/// </summary>
public readonly unsafe ref struct GlyphSlot
{
    private readonly byte* _slot;

    internal GlyphSlot(byte* slot) => _slot = slot;

    public uint GlyphIndex => *(uint*)(_slot + RecordLayout.SlotGlyphIndex);

    /// <summary>Horizontal advance, 26.6 pixels.</summary>
    public long AdvanceX => *(long*)(_slot + RecordLayout.SlotAdvance);

    /// <summary>Vertical advance, 26.6 pixels (0 for horizontal layouts).</summary>
    public long AdvanceY => *(long*)(_slot + RecordLayout.SlotAdvance + 8);

    public int BitmapLeft => *(int*)(_slot + RecordLayout.SlotBitmapLeft);

    public int BitmapTop => *(int*)(_slot + RecordLayout.SlotBitmapTop);

    public GlyphBitmap Bitmap
    {
        get
        {
            byte* bitmap = _slot + RecordLayout.SlotBitmap;
            return new GlyphBitmap(
                (int)*(uint*)(bitmap + RecordLayout.BitmapRows),
                (int)*(uint*)(bitmap + RecordLayout.BitmapWidth),
                *(int*)(bitmap + RecordLayout.BitmapPitch),
                *(byte**)(bitmap + RecordLayout.BitmapBuffer),
                (PixelMode)bitmap[RecordLayout.BitmapPixelMode]);
        }
    }
}
