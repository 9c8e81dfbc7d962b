namespace Captions.Renderer.Text;

/// <summary>
/// The glyph atlas: one 8-bit coverage plane (R8 in GL) whose CPU copy is the source of truth. Renderers upload the
/// dirty rectangle (<see cref="TakeDirty"/>) before drawing; the CPU reference renderer samples <see cref="Pixels"/>
/// directly. Glyph packing and eviction live with the text layouter that fills it.
/// Threading model: owned by the render thread.
/// </summary>
public sealed class GlyphAtlas
{
    private readonly byte[] _pixels;
    private AtlasRect _dirty;

    public GlyphAtlas(int width = 1024, int height = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        Width = width;
        Height = height;
        _pixels = new byte[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// Bumped whenever pixels that a glyph occupied are cleared for reuse (eviction): glyph positions obtained at an
    /// older generation may now point at other glyphs, so callers holding a laid-out block compare generations and lay
    /// out again.
    /// </summary>
    public int Generation { get; private set; }

    /// <summary>
    /// Counts <see cref="Blit"/>s and <see cref="Clear"/>s: a layout cached while it was unchanged still points at live glyphs (an eviction
    /// always comes with a blit of the glyph replacing the evicted one).
    /// </summary>
    public long Version { get; private set; }

    /// <summary>Row-major coverage, stride <see cref="Width"/>. Coverage is linear (fraction of the pixel covered).</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    /// <summary>Copies coverage into the atlas at (x, y) and marks the rectangle dirty.</summary>
    public void Blit(int x, int y, int width, int height, ReadOnlySpan<byte> source, int sourceStride)
    {
        if (x < 0 || y < 0 || width < 0 || height < 0 || x + width > Width || y + height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"rectangle {x},{y} {width}x{height} is outside the {Width}x{Height} atlas");
        }

        for (var row = 0; row < height; row++)
        {
            source.Slice(row * sourceStride, width).CopyTo(_pixels.AsSpan(((y + row) * Width) + x, width));
        }

        _dirty = _dirty.Union(new AtlasRect(x, y, width, height));
        Version++;
    }

    /// <summary>Zeroes a rectangle, marks it dirty and bumps <see cref="Generation"/>.</summary>
    public void Clear(AtlasRect rect)
    {
        if (rect.X < 0 || rect.Y < 0 || rect.Width < 0 || rect.Height < 0 || rect.X + rect.Width > Width || rect.Y + rect.Height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(rect), $"rectangle {rect} is outside the {Width}x{Height} atlas");
        }

        for (var row = 0; row < rect.Height; row++)
        {
            _pixels.AsSpan(((rect.Y + row) * Width) + rect.X, rect.Width).Clear();
        }

        _dirty = _dirty.Union(rect);
        Generation++;
        Version++;
    }

    /// <summary>Returns the rectangle changed since the last call (empty when nothing changed) and clears it.</summary>
    public AtlasRect TakeDirty()
    {
        var dirty = _dirty;
        _dirty = default;
        return dirty;
    }
}
