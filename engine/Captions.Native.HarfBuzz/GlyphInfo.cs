using System.Runtime.InteropServices;

namespace Captions.Native.HarfBuzz;

/// <summary>
/// hb_glyph_info_t (20 bytes). After shaping <see cref="Codepoint"/> is the glyph id and <see cref="Cluster"/> the
/// index, in the text added to the buffer (UTF-16 units for AddUtf16), of the first character of its cluster.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct GlyphInfo
{
    private readonly uint _codepoint;
    private readonly uint _mask;
    private readonly uint _cluster;
    private readonly uint _var1;
    private readonly uint _var2;

    public uint Codepoint => _codepoint;

    public uint Mask => _mask;

    public uint Cluster => _cluster;
}
