using System.Globalization;
using System.Text;
using Captions.Native.HarfBuzz;

namespace Captions.Renderer.Text;

public sealed partial class TextLayouter
{
    /// <summary>Font index of glyphs drawn as the placeholder box.</summary>
    private const short PlaceholderFont = -1;

    /// <summary>Font index of glyphs that are not drawn at all (control characters).</summary>
    private const short HiddenFont = -2;

    private Run[] _runs = new Run[16];
    private int _runCount;
    private ShapedGlyph[] _glyphs = new ShapedGlyph[256];
    private int _glyphCount;

    /// <summary>
    /// One font per grapheme cluster: the first in the chain having all its code points. A cluster without letters
    /// (spaces, punctuation, digits) stays in the previous cluster's font when that font has it, so a CJK phrase's
    /// spaces and commas do not split its run. No font at all: the primary, whose .notdef becomes the placeholder.
    /// </summary>
    private void AssignFonts(ReadOnlySpan<char> text)
    {
        int previous = -1;
        int i = 0;
        while (i < text.Length)
        {
            int length = StringInfo.GetNextTextElementLength(text[i..]);
            ReadOnlySpan<char> cluster = text.Slice(i, length);
            int font;
            if (previous >= 0 && !HasLetter(cluster) && _fonts.Covers(previous, cluster))
            {
                font = previous;
            }
            else
            {
                font = Math.Max(_fonts.FindFont(cluster), 0);
            }

            _charFont.AsSpan(i, length).Fill((short)font);
            previous = font;
            i += length;
        }
    }

    /// <summary>Runs of one bidi level, one font and one script (Common/Inherited characters join their neighbours).</summary>
    private void BuildRuns(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<sbyte> levels = _bidi.Levels;
        _runCount = 0;
        int i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed);
            Script script = UnicodeFunctions.GetScript(rune.Value);
            bool extend = false;
            if (_runCount > 0)
            {
                ref Run run = ref _runs[_runCount - 1];
                if (run.Level == levels[i] && run.Font == _charFont[i] && (script.IsNeutral || run.Script.IsNeutral || script == run.Script))
                {
                    run.Length += consumed;
                    if (run.Script.IsNeutral && !script.IsNeutral)
                    {
                        run.Script = script;
                    }

                    extend = true;
                }
            }

            if (!extend)
            {
                if (_runCount == _runs.Length)
                {
                    Array.Resize(ref _runs, _runs.Length * 2);
                }

                _runs[_runCount++] = new Run { Start = i, Length = consumed, Level = levels[i], Font = _charFont[i], Script = script };
            }

            i += consumed;
        }
    }

    /// <summary>Shapes every run with one reused HarfBuzz buffer; per-character advances feed line breaking.</summary>
    private void ShapeRuns(ReadOnlySpan<char> text, int sizePx)
    {
        _charAdvance.AsSpan(0, text.Length).Clear();
        _glyphCount = 0;
        int placeholderAdvance = PlaceholderBox.Measure(sizePx).Advance * 64;
        for (int r = 0; r < _runCount; r++)
        {
            ref Run run = ref _runs[r];
            _buffer.ClearContents();
            _buffer.AddUtf16(text, run.Start, run.Length);
            _buffer.Direction = (run.Level & 1) != 0 ? Direction.RightToLeft : Direction.LeftToRight;
            if (!run.Script.IsNeutral)
            {
                _buffer.Script = run.Script;
            }

            _buffer.GuessSegmentProperties();
            _fonts.ShaperAt(run.Font).Shape(_buffer);
            ReadOnlySpan<GlyphInfo> infos = _buffer.GetGlyphInfoSpan();
            ReadOnlySpan<GlyphPosition> positions = _buffer.GetGlyphPositionSpan();
            if (_glyphCount + infos.Length > _glyphs.Length)
            {
                Array.Resize(ref _glyphs, Math.Max(_glyphs.Length * 2, _glyphCount + infos.Length));
            }

            run.FirstGlyph = _glyphCount;
            run.GlyphCount = infos.Length;
            for (int g = 0; g < infos.Length; g++)
            {
                int cluster = (int)infos[g].Cluster;
                var shaped = new ShapedGlyph
                {
                    GlyphId = infos[g].Codepoint,
                    Cluster = cluster,
                    Font = run.Font,
                    XAdvance = positions[g].XAdvance,
                    XOffset = positions[g].XOffset,
                    YOffset = positions[g].YOffset,
                };
                Rune.DecodeFromUtf16(text[cluster..], out Rune first, out _);
                if (FontCollection.IsIgnorable(first.Value))
                {
                    shaped.Font = HiddenFont;
                    shaped.XAdvance = 0;
                }
                else if (shaped.GlyphId == 0)
                {
                    shaped.Font = PlaceholderFont;
                    shaped.XAdvance = placeholderAdvance;
                    shaped.XOffset = 0;
                    shaped.YOffset = 0;
                }

                _charAdvance[cluster] += shaped.XAdvance;
                _glyphs[_glyphCount++] = shaped;
            }
        }
    }

    private static bool HasLetter(ReadOnlySpan<char> cluster)
    {
        foreach (Rune rune in cluster.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                return true;
            }
        }

        return false;
    }

    private struct Run
    {
        public int Start;
        public int Length;
        public sbyte Level;
        public short Font;
        public Script Script;
        public int FirstGlyph;
        public int GlyphCount;
    }

    private struct ShapedGlyph
    {
        public uint GlyphId;
        public int Cluster;
        public short Font;
        public int XAdvance;
        public int XOffset;
        public int YOffset;
    }
}
