using Captions.Native.HarfBuzz.Interop;

namespace Captions.Native.HarfBuzz;

/// <summary>
/// An hb_buffer_t: text in, glyphs out. Reuse one buffer (<see cref="ClearContents"/>) so shaping allocates nothing
/// once HarfBuzz's internal arrays have grown to the longest run.
/// Threading model: one thread at a time.
/// </summary>
public sealed unsafe class Buffer : IDisposable
{
    public Buffer()
    {
        HarfBuzzNativeLibrary.EnsureLoaded();
        nint buffer = NativeMethods.hb_buffer_create();
        if (NativeMethods.hb_buffer_allocation_successful(buffer) == 0)
        {
            NativeMethods.hb_buffer_destroy(buffer);
            throw new HarfBuzzException("hb_buffer_create failed: out of memory");
        }

        Handle = new HarfBuzzHandle(buffer, HarfBuzzObjectKind.Buffer);
    }

    public int Length => (int)NativeMethods.hb_buffer_get_length(Ptr);

    public Direction Direction
    {
        get => (Direction)NativeMethods.hb_buffer_get_direction(Ptr);
        set => NativeMethods.hb_buffer_set_direction(Ptr, (int)value);
    }

    public Script Script
    {
        get => new(NativeMethods.hb_buffer_get_script(Ptr));
        set => NativeMethods.hb_buffer_set_script(Ptr, value.Tag);
    }

    public ClusterLevel ClusterLevel
    {
        set => NativeMethods.hb_buffer_set_cluster_level(Ptr, (int)value);
    }

    internal HarfBuzzHandle Handle { get; }

    private nint Ptr
    {
        get
        {
            ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
            return Handle.DangerousGetHandle();
        }
    }

    /// <summary>Empties text and glyphs and resets direction/script/language, keeping the allocated arrays.</summary>
    public void ClearContents() => NativeMethods.hb_buffer_clear_contents(Ptr);

    /// <summary>
    /// Adds <paramref name="text"/>[itemOffset, itemOffset + itemLength) to shape; the rest of
    /// <paramref name="text"/> is context (for joining at run edges). Clusters are indices into <paramref name="text"/>.
    /// </summary>
    public void AddUtf16(ReadOnlySpan<char> text, int itemOffset, int itemLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(itemLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(itemOffset + itemLength, text.Length, nameof(itemLength));
        fixed (char* p = text)
        {
            NativeMethods.hb_buffer_add_utf16(Ptr, p, text.Length, (uint)itemOffset, itemLength);
        }
    }

    public void AddUtf16(ReadOnlySpan<char> text) => AddUtf16(text, 0, text.Length);

    /// <summary>Fills unset direction, script and language from the text (hb_buffer_guess_segment_properties).</summary>
    public void GuessSegmentProperties() => NativeMethods.hb_buffer_guess_segment_properties(Ptr);

    /// <summary>The shaped glyphs, in visual order; valid until the buffer is next changed.</summary>
    public ReadOnlySpan<GlyphInfo> GetGlyphInfoSpan()
    {
        GlyphInfo* infos = NativeMethods.hb_buffer_get_glyph_infos(Ptr, out uint length);
        return new ReadOnlySpan<GlyphInfo>(infos, (int)length);
    }

    public ReadOnlySpan<GlyphPosition> GetGlyphPositionSpan()
    {
        GlyphPosition* positions = NativeMethods.hb_buffer_get_glyph_positions(Ptr, out uint length);
        return new ReadOnlySpan<GlyphPosition>(positions, (int)length);
    }

    public void Dispose() => Handle.Dispose();
}
