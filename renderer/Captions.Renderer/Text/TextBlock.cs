namespace Captions.Renderer.Text;

/// <summary>
/// Reusable output of <see cref="ITextLayouter.Layout"/>: lines top to bottom, each with its glyphs in visual order.
/// Storage grows to the largest paragraph seen and is then reused, so steady state allocates nothing.
/// </summary>
public sealed class TextBlock
{
    private PositionedGlyph[] _glyphs = new PositionedGlyph[256];
    private TextLine[] _lines = new TextLine[8];
    private int _glyphCount;

    public int LineCount { get; private set; }

    /// <summary>Baseline-to-baseline distance in pixels.</summary>
    public int LineHeight { get; set; }

    /// <summary>Pixels above the baseline (positive).</summary>
    public int Ascent { get; set; }

    /// <summary>Pixels below the baseline (positive).</summary>
    public int Descent { get; set; }

    public ref readonly TextLine this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)LineCount, nameof(index));
            return ref _lines[index];
        }
    }

    public ReadOnlySpan<PositionedGlyph> GlyphsOf(in TextLine line) => _glyphs.AsSpan(line.FirstGlyph, line.GlyphCount);

    public void Clear()
    {
        LineCount = 0;
        _glyphCount = 0;
    }

    /// <summary>Appends a glyph to the line being built (call <see cref="EndLine"/> after its last glyph).</summary>
    public void AddGlyph(in PositionedGlyph glyph)
    {
        if (_glyphCount == _glyphs.Length)
        {
            Array.Resize(ref _glyphs, _glyphs.Length * 2);
        }

        _glyphs[_glyphCount++] = glyph;
    }

    /// <summary>Closes the line made of the glyphs added since the previous line.</summary>
    public void EndLine(int start, int length, int width, bool isRightToLeft)
    {
        if (LineCount == _lines.Length)
        {
            Array.Resize(ref _lines, _lines.Length * 2);
        }

        var first = LineCount == 0 ? 0 : _lines[LineCount - 1].FirstGlyph + _lines[LineCount - 1].GlyphCount;
        _lines[LineCount++] = new TextLine(start, length, width, isRightToLeft, first, _glyphCount - first);
    }
}
