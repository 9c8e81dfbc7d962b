using System.Runtime.InteropServices;

namespace Captions.Native.HarfBuzz;

/// <summary>hb_glyph_position_t (20 bytes), in the font's scale units (26.6 pixels for a FreeType-backed font).</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct GlyphPosition
{
    private readonly int _xAdvance;
    private readonly int _yAdvance;
    private readonly int _xOffset;
    private readonly int _yOffset;
    private readonly uint _var;

    public int XAdvance => _xAdvance;

    public int YAdvance => _yAdvance;

    public int XOffset => _xOffset;

    public int YOffset => _yOffset;
}
