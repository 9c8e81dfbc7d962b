using Captions.Native.FreeType;
using Captions.Native.FriBidi;

namespace Captions.Renderer.Text;

public sealed partial class TextLayouter
{
    private sbyte[] _lineLevels = new sbyte[16];
    private int[] _lineRuns = new int[16];
    private int[] _visualOrder = new int[16];
    private byte[] _rasterScratch = new byte[256];

    /// <summary>
    /// Emits characters [start, end) as one line: trailing spaces hang (no glyphs, no width), runs reordered by bidi
    /// rule L2, each run's glyphs already in visual order from HarfBuzz.
    /// </summary>
    private void EmitLine(ReadOnlySpan<char> text, int start, int end, int sizePx, TextBlock output)
    {
        int visibleEnd = end;
        while (visibleEnd > start && IsHanging(text[visibleEnd - 1]))
        {
            visibleEnd--;
        }

        int count = 0;
        for (int r = 0; r < _runCount; r++)
        {
            ref readonly Run run = ref _runs[r];
            if (run.Start < visibleEnd && run.Start + run.Length > start)
            {
                if (count == _lineRuns.Length)
                {
                    Array.Resize(ref _lineRuns, count * 2);
                    Array.Resize(ref _lineLevels, count * 2);
                    Array.Resize(ref _visualOrder, count * 2);
                }

                _lineRuns[count] = r;
                _lineLevels[count] = run.Level;
                count++;
            }
        }

        BidiParagraph.ReorderRuns(_lineLevels.AsSpan(0, count), _visualOrder);
        long pen = 0;
        for (int v = 0; v < count; v++)
        {
            ref readonly Run run = ref _runs[_lineRuns[_visualOrder[v]]];
            for (int g = run.FirstGlyph; g < run.FirstGlyph + run.GlyphCount; g++)
            {
                ref readonly ShapedGlyph shaped = ref _glyphs[g];
                if (shaped.Cluster < start || shaped.Cluster >= visibleEnd || shaped.Font == HiddenFont)
                {
                    continue;
                }

                CachedGlyph glyph = GetGlyph(shaped, sizePx);
                if (!glyph.IsEmpty)
                {
                    int x = (int)((pen + shaped.XOffset + 32) >> 6) + glyph.Left;
                    int y = -((shaped.YOffset + 32) >> 6) - glyph.Top;
                    output.AddGlyph(new PositionedGlyph(x, y, glyph.Width, glyph.Height, glyph.AtlasX, glyph.AtlasY, shaped.Cluster));
                }

                pen += shaped.XAdvance;
            }
        }

        output.EndLine(start, end - start, (int)((pen + 32) >> 6), _bidi.IsRightToLeft);
    }

    /// <summary>The glyph's atlas slot, rasterising (light hinting, 8-bit linear coverage) on first use.</summary>
    private CachedGlyph GetGlyph(in ShapedGlyph shaped, int sizePx)
    {
        var key = new GlyphKey(shaped.Font, shaped.Font == PlaceholderFont ? 0 : shaped.GlyphId, sizePx);
        if (Glyphs.TryGet(key, out CachedGlyph cached))
        {
            return cached;
        }

        if (shaped.Font == PlaceholderFont)
        {
            PlaceholderBox box = PlaceholderBox.Measure(sizePx);
            Span<byte> pixels = Scratch(box.Width * box.Height);
            box.Draw(pixels);
            return Glyphs.Add(key, box.Left, box.Height, box.Width, box.Height, pixels, box.Width);
        }

        FreeTypeFace face = _fonts.FaceAt(shaped.Font);
        face.LoadGlyph(shaped.GlyphId, FontCollection.GlyphLoadFlags);
        face.RenderGlyph(RenderMode.Normal);
        GlyphSlot slot = face.Glyph;
        GlyphBitmap bitmap = slot.Bitmap;
        if (bitmap.PixelMode == PixelMode.Gray && bitmap.Pitch > 0)
        {
            return Glyphs.Add(key, slot.BitmapLeft, slot.BitmapTop, bitmap.Width, bitmap.Rows, bitmap.Buffer, bitmap.Pitch);
        }

        // 1-bit (embedded strikes) or bottom-up bitmaps: expand to one byte per pixel, top row first.
        Span<byte> expanded = Scratch(bitmap.Width * bitmap.Rows);
        ReadOnlySpan<byte> source = bitmap.Buffer;
        int stride = Math.Abs(bitmap.Pitch);
        for (int row = 0; row < bitmap.Rows; row++)
        {
            ReadOnlySpan<byte> line = source.Slice((bitmap.Pitch > 0 ? row : bitmap.Rows - 1 - row) * stride, stride);
            for (int col = 0; col < bitmap.Width; col++)
            {
                expanded[(row * bitmap.Width) + col] = bitmap.PixelMode == PixelMode.Mono
                    ? ((line[col >> 3] & (0x80 >> (col & 7))) != 0 ? (byte)255 : (byte)0)
                    : line[col];
            }
        }

        return Glyphs.Add(key, slot.BitmapLeft, slot.BitmapTop, bitmap.Width, bitmap.Rows, expanded, bitmap.Width);
    }

    private Span<byte> Scratch(int length)
    {
        if (_rasterScratch.Length < length)
        {
            _rasterScratch = new byte[Math.Max(length, _rasterScratch.Length * 2)];
        }

        return _rasterScratch.AsSpan(0, length);
    }
}
