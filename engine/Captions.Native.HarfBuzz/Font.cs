using Captions.Native.FreeType;
using Captions.Native.HarfBuzz.Interop;

namespace Captions.Native.HarfBuzz;

/// <summary>
/// An hb_font_t: a face at a scale, and the shaper entry point (<see cref="Shape"/>).
/// Threading model: one thread at a time; a FreeType-backed font also uses its FT_Face, so the two must not be used
/// concurrently.
/// </summary>
public sealed class Font : IDisposable
{
    public Font(Face face)
    {
        ArgumentNullException.ThrowIfNull(face);
        Handle = new HarfBuzzHandle(NativeMethods.hb_font_create(face.Handle.DangerousGetHandle()), HarfBuzzObjectKind.Font);
    }

    private Font(HarfBuzzHandle handle) => Handle = handle;

    internal HarfBuzzHandle Handle { get; }

    /// <summary>
    /// A font reading glyphs and metrics through FreeType (hb_ft_font_create_referenced, which takes its own reference
    /// on the FT_Face). Its scale follows the face's pixel size, so positions come out in 26.6 pixels, and advances
    /// are loaded with <paramref name="loadFlags"/> so they match the hinted glyphs FreeType renders. Call
    /// <see cref="FreeTypeFaceChanged"/> after changing the face's size.
    /// </summary>
    public static Font FromFreeType(FreeTypeFace face, LoadFlags loadFlags)
    {
        ArgumentNullException.ThrowIfNull(face);
        HarfBuzzNativeLibrary.EnsureLoaded();
        nint font = NativeMethods.hb_ft_font_create_referenced(face.NativePointer);
        if (font == 0)
        {
            throw new HarfBuzzException($"hb_ft_font_create_referenced failed for font '{face.Path}'");
        }

        NativeMethods.hb_ft_font_set_load_flags(font, (int)loadFlags);
        return new Font(new HarfBuzzHandle(font, HarfBuzzObjectKind.Font));
    }

    public void SetScale(int xScale, int yScale) => NativeMethods.hb_font_set_scale(Handle.DangerousGetHandle(), xScale, yScale);

    public (int X, int Y) GetScale()
    {
        NativeMethods.hb_font_get_scale(Handle.DangerousGetHandle(), out int x, out int y);
        return (x, y);
    }

    /// <summary>Re-reads the FreeType face's size and metrics (hb_ft_font_changed).</summary>
    public void FreeTypeFaceChanged() => NativeMethods.hb_ft_font_changed(Handle.DangerousGetHandle());

    /// <summary>Shapes the buffer in place: characters become positioned glyphs (no features).</summary>
    public void Shape(Buffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NativeMethods.hb_shape(Handle.DangerousGetHandle(), buffer.Handle.DangerousGetHandle(), 0, 0);
    }

    public void Dispose() => Handle.Dispose();
}
