using Captions.Native.HarfBuzz.Interop;

namespace Captions.Native.HarfBuzz;

/// <summary>An hb_face_t: one face of a font blob (index selects a face of a .ttc).</summary>
public sealed class Face : IDisposable
{
    public Face(Blob blob, int index)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Handle = new HarfBuzzHandle(NativeMethods.hb_face_create(blob.Handle.DangerousGetHandle(), (uint)index), HarfBuzzObjectKind.Face);
    }

    public int UnitsPerEm => (int)NativeMethods.hb_face_get_upem(Handle.DangerousGetHandle());

    /// <summary>Glyphs in the face (0 for a blob HarfBuzz could not parse: hb_face_create never fails, it returns the empty face).</summary>
    public int GlyphCount => (int)NativeMethods.hb_face_get_glyph_count(Handle.DangerousGetHandle());

    internal HarfBuzzHandle Handle { get; }

    public void Dispose() => Handle.Dispose();
}
