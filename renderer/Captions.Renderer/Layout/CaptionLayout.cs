using Captions.Renderer.Drawing;
using Captions.Renderer.Scene;
using Captions.Renderer.Text;

namespace Captions.Renderer.Layout;

/// <summary>
/// Turns the lines the presenter shows into draw quads. The translation box has a fixed width (42 average advances,
/// or a fraction of the eye) and is centred once; rows are left-aligned in it (right-aligned for right-to-left
/// rows), so text that grows never recentres and, with the layouter's prefix-stable breaking, committed words keep
/// their pixels. Rows fill the box from the top; when there are more than <see cref="CaptionStyle.MaxLines"/> the
/// newest ones show and the presenter glides the rest up (the row leaving at the top fades out as it moves). The tail
/// after a line's stable prefix is drawn in the partial colour (by <see cref="PositionedGlyph.Cluster"/>). The
/// source line sits smaller above the box. Everything lands on whole pixels.
/// Threading model: render thread only (the layouter writes the atlas).
/// </summary>
public sealed class CaptionLayout
{
    /// <summary>Average advance is measured on this pangram (43 characters with spaces).</summary>
    private const string MeasureSample = "The quick brown fox jumps over the lazy dog";

    private readonly ITextLayouter _layouter;
    private readonly CaptionStyle _style;
    private readonly TextBlock[] _blocks = new TextBlock[CaptionScene.LineCapacity];
    private readonly int[] _rowStart = new int[CaptionScene.LineCapacity];
    private readonly int[] _windowStart = new int[CaptionScene.LineCapacity];
    private int _sourceWindowStart;
    private readonly long[] _laidIds = new long[CaptionScene.LineCapacity];
    private readonly int[] _laidVersions = new int[CaptionScene.LineCapacity];
    private readonly TextBlock _source = new();
    private readonly long[] _prevRowIds;
    private readonly int[] _prevRowIndex;
    private readonly int[] _prevRowSlot;
    private readonly int[] _shown = new int[CaptionScene.LineCapacity];
    private readonly Rgba32 _committed;
    private readonly Rgba32 _partial;
    private readonly Rgba32 _untranslated;
    private readonly Rgba32 _untranslatedPartial;
    private readonly Rgba32 _sourceCommitted;
    private readonly Rgba32 _sourcePartial;
    private int _prevRowCount;
    private int _laidCount = -1;
    private long _laidSourceId = -1;
    private int _laidSourceVersion;
    private int _totalRows;
    private long _atlasVersion = -1;
    private bool _translating;

    public CaptionLayout(ITextLayouter layouter, CaptionStyle style)
    {
        ArgumentNullException.ThrowIfNull(layouter);
        ArgumentNullException.ThrowIfNull(style);
        style.Validate();
        _layouter = layouter;
        _style = style;
        for (var i = 0; i < _blocks.Length; i++)
        {
            _blocks[i] = new TextBlock();
        }

        _prevRowIds = new long[style.MaxLines + 2];
        _prevRowIndex = new int[style.MaxLines + 2];
        _prevRowSlot = new int[style.MaxLines + 2];
        _committed = style.Adjust(style.CommittedColor);
        _partial = style.Adjust(style.PartialColor);
        _untranslated = style.Adjust(style.UntranslatedColor);
        _untranslatedPartial = Scale(_untranslated, 0.6);
        _sourceCommitted = style.Adjust(style.SourceColor);
        _sourcePartial = style.Adjust(style.SourcePartialColor);
    }

    public int EyeWidth { get; private set; }

    public int EyeHeight { get; private set; }

    /// <summary>Translation size in pixels per em.</summary>
    public int TextSize { get; private set; }

    public int SourceSize { get; private set; }

    /// <summary>Width of the caption box in pixels (fixed for the eye size).</summary>
    public int LineWidth { get; private set; }

    /// <summary>Left edge of the caption box.</summary>
    public int BoxX { get; private set; }

    /// <summary>Top of the first row slot.</summary>
    public int BoxTop { get; private set; }

    public int RowHeight { get; private set; }

    public int SourceRowHeight { get; private set; }

    /// <summary>Top of the source rows.</summary>
    public int SourceTop { get; private set; }

    /// <summary>Indices (into the scene's lines) of the lines that drew at least one row in the last <see cref="Build"/>.</summary>
    public ReadOnlySpan<int> ShownLines => _shown.AsSpan(0, ShownCount);

    public int ShownCount { get; private set; }

    /// <summary>Sizes and places the box for an eye; measures the font's average advance (allocates; once per eye size).</summary>
    public void Configure(int eyeWidth, int eyeHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eyeWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(eyeHeight, 1);
        EyeWidth = eyeWidth;
        EyeHeight = eyeHeight;
        TextSize = Math.Max(6, (int)Math.Round(eyeHeight * _style.TextSizeFraction));
        SourceSize = Math.Max(6, (int)Math.Round(eyeHeight * _style.SourceSizeFraction));

        var measure = new TextBlock();
        _layouter.Layout(MeasureSample, TextSize, int.MaxValue / 4, measure);
        var average = measure.LineCount > 0 ? measure[0].Width / (double)MeasureSample.Length : TextSize * 0.5;
        RowHeight = Math.Max(1, measure.LineHeight);
        _layouter.Layout(MeasureSample, SourceSize, int.MaxValue / 4, measure);
        SourceRowHeight = Math.Max(1, measure.LineHeight);

        var side = (int)Math.Round(eyeWidth * _style.SideMarginFraction);
        var widest = Math.Max(1, eyeWidth - (2 * side));
        var wanted = _style.LineWidthFraction is { } fraction
            ? (int)Math.Round(eyeWidth * fraction)
            : (int)Math.Round(_style.CharactersPerLine * average);
        LineWidth = Math.Clamp(wanted, 1, widest);
        BoxX = (eyeWidth - LineWidth) / 2;
        var bottom = eyeHeight - (int)Math.Round(eyeHeight * _style.BottomMarginFraction);
        BoxTop = bottom - (_style.MaxLines * RowHeight);
        SourceTop = BoxTop - (SourceRowHeight / 4) - (_style.SourceMaxLines * SourceRowHeight);
        _laidCount = -1;
        _laidSourceId = -1;
        _prevRowCount = 0;
    }

    /// <summary>
    /// Adds the quads of the visible lines (indices into <c>scene.Lines</c>, oldest first) at <paramref name="now"/>.
    /// Lines are re-laid only when a line version changed, so a steady scene costs only the quad copy.
    /// </summary>
    public void Build(CaptionScene scene, ReadOnlySpan<int> visible, CaptionPresenter presenter, long now, DrawList quads)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(presenter);
        ArgumentNullException.ThrowIfNull(quads);
        if (EyeWidth == 0)
        {
            throw new InvalidOperationException("CaptionLayout.Configure(eyeWidth, eyeHeight) must run before Build.");
        }

        var lines = scene.Lines;
        var translating = _style.ExpectTranslation ?? Translates(lines);
        if (_layouter.Atlas.Version != _atlasVersion || translating != _translating)
        {
            // Glyphs were added (maybe evicting others) since the cached rows were laid out: lay them out again.
            _laidCount = -1;
            _laidSourceId = -1;
            _translating = translating;
        }

        LayOut(lines, visible);
        var firstRow = Math.Max(0, _totalRows - _style.MaxLines);
        var moved = RowsMovedUp(lines, visible, firstRow);
        if (moved != 0)
        {
            presenter.BeginScroll(moved * RowHeight, RowHeight, now);
        }

        var offset = presenter.ScrollOffset(now);
        RememberRows(lines, visible, firstRow);

        ShownCount = 0;
        var above = offset > 0 ? (offset + RowHeight - 1) / RowHeight : 0;
        var from = Math.Max(0, firstRow - above);
        if (_style.BoxColor.A > 0 && _totalRows > 0)
        {
            var pad = RowHeight / 4;
            var rows = Math.Min(_totalRows, _style.MaxLines);
            quads.Add(DrawQuad.Solid(BoxX - pad, BoxTop - pad, LineWidth + (2 * pad), (rows * RowHeight) + (2 * pad), _style.BoxColor));
        }

        DrawSource(lines, visible, quads);
        if (_style.Effect != TextEffect.None)
        {
            DrawRows(lines, visible, from, firstRow, offset, quads, effectPass: true);
        }

        DrawRows(lines, visible, from, firstRow, offset, quads, effectPass: false);
        _atlasVersion = _layouter.Atlas.Version;
    }

    private void LayOut(ReadOnlySpan<SceneLine> lines, ReadOnlySpan<int> visible)
    {
        var same = _laidCount == visible.Length;
        for (var k = 0; same && k < visible.Length; k++)
        {
            same = _laidIds[k] == lines[visible[k]].Id && _laidVersions[k] == lines[visible[k]].Version;
        }

        if (same)
        {
            return;
        }

        _totalRows = 0;
        for (var k = 0; k < visible.Length; k++)
        {
            ref readonly var line = ref lines[visible[k]];
            var text = DisplayText(line, _translating);
            _windowStart[k] = WindowStart(text, _style.MaxLines);
            _layouter.Layout(text.AsSpan(_windowStart[k]), TextSize, LineWidth, _blocks[k]);
            _rowStart[k] = _totalRows;
            _totalRows += _blocks[k].LineCount;
            _laidIds[k] = line.Id;
            _laidVersions[k] = line.Version;
        }

        _laidCount = visible.Length;
    }

    /// <summary>How many slots the rows shown last frame moved up (negative: down), judged by the first one still here.</summary>
    private int RowsMovedUp(ReadOnlySpan<SceneLine> lines, ReadOnlySpan<int> visible, int firstRow)
    {
        for (var p = 0; p < _prevRowCount; p++)
        {
            for (var k = 0; k < visible.Length; k++)
            {
                if (lines[visible[k]].Id == _prevRowIds[p] && _prevRowIndex[p] < _blocks[k].LineCount)
                {
                    return _prevRowSlot[p] - (_rowStart[k] + _prevRowIndex[p] - firstRow);
                }
            }
        }

        return 0;
    }

    private void RememberRows(ReadOnlySpan<SceneLine> lines, ReadOnlySpan<int> visible, int firstRow)
    {
        _prevRowCount = 0;
        for (var g = firstRow; g < _totalRows && _prevRowCount < _prevRowIds.Length; g++)
        {
            var k = LineOfRow(g, visible.Length);
            _prevRowIds[_prevRowCount] = lines[visible[k]].Id;
            _prevRowIndex[_prevRowCount] = g - _rowStart[k];
            _prevRowSlot[_prevRowCount] = g - firstRow;
            _prevRowCount++;
        }
    }

    private int LineOfRow(int row, int count)
    {
        var k = 0;
        while (k + 1 < count && row >= _rowStart[k + 1])
        {
            k++;
        }

        return k;
    }

    private void DrawRows(ReadOnlySpan<SceneLine> lines, ReadOnlySpan<int> visible, int from, int firstRow, int offset, DrawList quads, bool effectPass)
    {
        for (var g = from; g < _totalRows; g++)
        {
            var top = BoxTop + ((g - firstRow) * RowHeight) + offset;
            // The row leaving at the top fades as it glides out of the box (linear in its distance above it).
            var fade = top >= BoxTop ? 1.0 : 1.0 - ((BoxTop - top) / (double)RowHeight);
            if (fade <= 0)
            {
                continue;
            }

            var k = LineOfRow(g, visible.Length);
            ref readonly var line = ref lines[visible[k]];
            var block = _blocks[k];
            ref readonly var row = ref block[g - _rowStart[k]];
            var (committed, partial, stable) = Colours(line);
            var x = row.IsRightToLeft ? BoxX + LineWidth - row.Width : BoxX;
            EmitRow(block, row, x, top + block.Ascent, stable - _windowStart[k], Fade(committed, fade), Fade(partial, fade), quads, effectPass, fade);
            if (!effectPass)
            {
                MarkShown(visible[k]);
            }
        }
    }

    private void DrawSource(ReadOnlySpan<SceneLine> lines, ReadOnlySpan<int> visible, DrawList quads)
    {
        if (!_style.ShowSource || visible.Length == 0)
        {
            return;
        }

        ref readonly var line = ref lines[visible[^1]];
        if (line.Translation is null && (!_translating || line.Untranslated))
        {
            return; // the box already shows the source text
        }

        if (line.Id != _laidSourceId || line.Version != _laidSourceVersion)
        {
            _sourceWindowStart = WindowStart(line.Source, _style.SourceMaxLines);
            _layouter.Layout(line.Source.AsSpan(_sourceWindowStart), SourceSize, LineWidth, _source);
            _laidSourceId = line.Id;
            _laidSourceVersion = line.Version;
        }

        var first = Math.Max(0, _source.LineCount - _style.SourceMaxLines);
        for (var r = first; r < _source.LineCount; r++)
        {
            ref readonly var row = ref _source[r];
            var top = SourceTop + ((r - first) * SourceRowHeight);
            var x = row.IsRightToLeft ? BoxX + LineWidth - row.Width : BoxX;
            if (_style.Effect != TextEffect.None)
            {
                EmitRow(_source, row, x, top + _source.Ascent, line.SourceStableLength - _sourceWindowStart, _sourceCommitted, _sourcePartial, quads, true, 1.0);
            }

            EmitRow(_source, row, x, top + _source.Ascent, line.SourceStableLength - _sourceWindowStart, _sourceCommitted, _sourcePartial, quads, false, 1.0);
            MarkShown(visible[^1]);
        }
    }

    private void EmitRow(TextBlock block, in TextLine row, int x, int baseline, int stable, Rgba32 committed, Rgba32 partial, DrawList quads, bool effectPass, double fade)
    {
        var w = _style.EffectWidthPixels;
        var effect = Fade(_style.EffectColor, fade);
        foreach (ref readonly var glyph in block.GlyphsOf(row))
        {
            var gx = x + glyph.X;
            var gy = baseline + glyph.Y;
            if (!effectPass)
            {
                quads.Add(DrawQuad.Glyph(gx, gy, glyph.Width, glyph.Height, glyph.AtlasX, glyph.AtlasY, glyph.Cluster < stable ? committed : partial));
            }
            else if (_style.Effect == TextEffect.Shadow)
            {
                quads.Add(DrawQuad.Glyph(gx + w, gy + w, glyph.Width, glyph.Height, glyph.AtlasX, glyph.AtlasY, effect));
            }
            else
            {
                for (var dy = -w; dy <= w; dy += w)
                {
                    for (var dx = -w; dx <= w; dx += w)
                    {
                        if (dx != 0 || dy != 0)
                        {
                            quads.Add(DrawQuad.Glyph(gx + dx, gy + dy, glyph.Width, glyph.Height, glyph.AtlasX, glyph.AtlasY, effect));
                        }
                    }
                }
            }
        }
    }

    private (Rgba32 Committed, Rgba32 Partial, int Stable) Colours(in SceneLine line)
    {
        if (line.Translation is not null)
        {
            return (_committed, _partial, line.TranslationStableLength);
        }

        return line.Untranslated
            ? (_untranslated, _untranslatedPartial, line.SourceStableLength)
            : (_committed, _partial, line.SourceStableLength);
    }

    private void MarkShown(int index)
    {
        if (!ShownLines.Contains(index))
        {
            _shown[ShownCount++] = index;
        }
    }

    /// <summary>
    /// Where the laid-out part of a very long line starts. Only the last rows of a line can be on screen, so a line
    /// longer than 3 x rows x CharactersPerLine is laid out from a window over its tail: 1,500 distinct ideographs
    /// would otherwise need more glyphs at once than the atlas holds (1024 px: ~485 at 49 px). The window starts at
    /// multiples of half its length (then after the next space), so rows only re-break when it jumps, and by then
    /// the rows that change scrolled out of the box long ago.
    /// </summary>
    private int WindowStart(string text, int rows)
    {
        var cap = 3 * rows * _style.CharactersPerLine;
        if (text.Length <= cap)
        {
            return 0;
        }

        var step = cap / 2;
        var start = (text.Length - cap + step - 1) / step * step;
        var space = text.IndexOf(' ', start, Math.Min(step / 2, text.Length - start));
        if (space >= 0)
        {
            start = space + 1;
        }
        else if (char.IsLowSurrogate(text[start]))
        {
            start++;
        }

        return start;
    }

    /// <summary>The text of a line's rows in the box: its translation; the source when there is no translator or it failed.</summary>
    private static string DisplayText(in SceneLine line, bool translating) =>
        line.Translation ?? (translating && !line.Untranslated ? string.Empty : line.Source);

    private static bool Translates(ReadOnlySpan<SceneLine> lines)
    {
        foreach (ref readonly var line in lines)
        {
            if (line.Translation is not null || line.Untranslated)
            {
                return true;
            }
        }

        return false;
    }

    private static Rgba32 Fade(Rgba32 color, double fade) =>
        fade >= 1 ? color : color with { A = (byte)Math.Round(color.A * fade, MidpointRounding.AwayFromZero) };

    private static Rgba32 Scale(Rgba32 color, double factor) =>
        new((byte)(color.R * factor), (byte)(color.G * factor), (byte)(color.B * factor), color.A);
}
