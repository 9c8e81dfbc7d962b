using System.Globalization;
using Captions.Native.FriBidi;
using HbBuffer = Captions.Native.HarfBuzz.Buffer;

namespace Captions.Renderer.Text;

/// <summary>
/// FreeType + HarfBuzz + FriBidi implementation of <see cref="ITextLayouter"/>. Per paragraph: bidi levels (UAX #9,
/// paragraph direction from the first strong character), a font per grapheme cluster from the fallback chain, runs
/// of one level, font and script shaped by HarfBuzz, break opportunities from <see cref="LineBreaker"/>, greedy
/// first-fit lines by shaped advances (trailing spaces hang: they neither count nor draw), bidi rule L2 reordering
/// of each line's runs, and glyph positions in whole pixels (the 26.6 pen is rounded per glyph, bitmaps are copied
/// 1:1). Glyphs with an empty bitmap (spaces) are not emitted. A character no font has is drawn as a hollow box.
/// Steady state (same sizes, glyphs cached) allocates nothing.
/// Atlas: when <see cref="GlyphAtlas.Generation"/> changed since a block was laid out, that block's atlas positions
/// may be stale; lay it out again. <see cref="GlyphAtlasFullException"/> when one paragraph's glyphs alone do not fit.
/// Threading model: render thread only (it writes the atlas and uses the FreeType faces).
/// </summary>
public sealed partial class TextLayouter : ITextLayouter, IDisposable
{
    /// <summary>Sizes outside 4..512 px per em are refused: below, glyphs are unreadable; above, one glyph can outgrow the atlas.</summary>
    public const int MinSizePx = 4;

    public const int MaxSizePx = 512;

    private readonly FontCollection _fonts;
    private readonly bool _ownsFonts;
    private readonly BidiParagraph _bidi = new();
    private readonly HbBuffer _buffer = new();
    private BreakOpportunity[] _breaks = new BreakOpportunity[256];
    private int[] _charAdvance = new int[256];
    private short[] _charFont = new short[256];
    private bool _inFrame;

    /// <summary>Lays out with the default font chain (<see cref="FontCollection.DefaultChain"/>), which it owns.</summary>
    public TextLayouter(GlyphAtlas atlas)
        : this(atlas, new FontCollection(), ownsFonts: true)
    {
    }

    /// <summary>Lays out with <paramref name="fonts"/>; the caller keeps ownership of them.</summary>
    public TextLayouter(GlyphAtlas atlas, FontCollection fonts)
        : this(atlas, fonts, ownsFonts: false)
    {
    }

    private TextLayouter(GlyphAtlas atlas, FontCollection fonts, bool ownsFonts)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(fonts);
        _fonts = fonts;
        _ownsFonts = ownsFonts;
        Glyphs = new GlyphCache(atlas);
    }

    public GlyphAtlas Atlas => Glyphs.Atlas;

    public FontCollection Fonts => _fonts;

    /// <summary>The glyph cache filling <see cref="Atlas"/> (counts, eviction statistics, <see cref="GlyphCache.Clear"/>).</summary>
    public GlyphCache Glyphs { get; }

    /// <summary>
    /// Groups the following Layout calls (until the next BeginFrame) into one pass of the glyph cache: no call evicts a
    /// glyph another call of the same frame placed, so several blocks (source line, translation, labels) laid out for
    /// one frame stay valid together. Without BeginFrame every Layout call is its own pass.
    /// </summary>
    public void BeginFrame()
    {
        _inFrame = true;
        Glyphs.BeginPass();
    }

    public void Layout(ReadOnlySpan<char> text, int sizePx, int maxWidth, TextBlock output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (sizePx < MinSizePx || sizePx > MaxSizePx)
        {
            throw new ArgumentOutOfRangeException(nameof(sizePx), sizePx, $"text size must be {MinSizePx}..{MaxSizePx} pixels per em");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 1);
        output.Clear();
        _fonts.SetPixelSize(sizePx);
        output.Ascent = _fonts.Ascent;
        output.Descent = _fonts.Descent;
        output.LineHeight = _fonts.LineHeight;
        if (text.IsEmpty)
        {
            return;
        }

        EnsureCapacity(text.Length);
        if (!_inFrame)
        {
            Glyphs.BeginPass();
        }

        _bidi.Analyze(text);
        LineBreaker.FindBreaks(text, _breaks);
        AssignFonts(text);
        BuildRuns(text);
        ShapeRuns(text, sizePx);
        BreakLines(text, sizePx, maxWidth, output);
    }

    public void Dispose()
    {
        _buffer.Dispose();
        if (_ownsFonts)
        {
            _fonts.Dispose();
        }
    }

    /// <summary>Greedy first-fit: a line takes clusters until the next non-space one would overflow.</summary>
    private void BreakLines(ReadOnlySpan<char> text, int sizePx, int maxWidth, TextBlock output)
    {
        long limit = (long)maxWidth * 64;
        int lineStart = 0;
        long width = 0;
        int lastBreak = -1;
        int i = 0;
        while (i < text.Length)
        {
            if (i > lineStart && _breaks[i] == BreakOpportunity.Mandatory)
            {
                EmitLine(text, lineStart, i, sizePx, output);
                lineStart = i;
                width = 0;
                lastBreak = -1;
                continue;
            }

            if (i > lineStart && _breaks[i] == BreakOpportunity.Allowed)
            {
                lastBreak = i;
            }

            int length = StringInfo.GetNextTextElementLength(text[i..]);
            long advance = 0;
            for (int k = i; k < i + length; k++)
            {
                advance += _charAdvance[k];
            }

            if (i > lineStart && width + advance > limit && !IsHanging(text[i]))
            {
                int end = lastBreak > lineStart ? lastBreak : EmergencyBreak(text, lineStart, i);
                EmitLine(text, lineStart, end, sizePx, output);
                lineStart = end;
                lastBreak = -1;
                width = 0;
                for (int k = end; k < i; k++)
                {
                    width += _charAdvance[k];
                }

                continue;
            }

            width += advance;
            i += length;
        }

        EmitLine(text, lineStart, text.Length, sizePx, output);
    }

    /// <summary>
    /// No break opportunity in the line: break between grapheme clusters before <paramref name="overflow"/>, moving
    /// back over clusters that must not start a line ("word!" keeps its "!"), unless that empties the line.
    /// </summary>
    private static int EmergencyBreak(ReadOnlySpan<char> text, int lineStart, int overflow)
    {
        int end = overflow;
        while (end > lineStart && !LineBreaker.CanStartLine(text, end))
        {
            int previous = lineStart;
            for (int k = lineStart; k < end; k += StringInfo.GetNextTextElementLength(text[k..]))
            {
                previous = k;
            }

            end = previous;
        }

        return end > lineStart ? end : overflow;
    }

    /// <summary>Spaces and line-break characters hang past the line end (UAX #14 LB7; bidi L1).</summary>
    private static bool IsHanging(char c) => c is ' ' or '\t' or '\n' or '\r' or '\u3000' or '\u2028' or '\u2029' or '\u0085' || (c >= '\u2000' && c <= '\u200A');

    private void EnsureCapacity(int length)
    {
        if (_breaks.Length >= length)
        {
            return;
        }

        int size = Math.Max(length, _breaks.Length * 2);
        _breaks = new BreakOpportunity[size];
        _charAdvance = new int[size];
        _charFont = new short[size];
    }
}
