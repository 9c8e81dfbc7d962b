using Captions.Renderer.Text;
using static Captions.Renderer.Tests.Text.LayoutAssertions;

namespace Captions.Renderer.Tests.Text;

public sealed class GlyphAtlasEvictionTests : IDisposable
{
    // 3500 common ideographs start at U+4E00; 400 distinct ones at 24 px need ~400 x 25 x 28 px, 4x a 256 x 256 atlas.
    private static readonly string s_ideographs = new(Enumerable.Range(0x4E00, 400).Select(c => (char)c).ToArray());

    private readonly FontCollection _fonts = new();

    public void Dispose() => _fonts.Dispose();

    [Fact]
    public void Layout_ManyDistinctIdeographsInASmallAtlas_EvictsAndKeepsDrawingCorrectly()
    {
        var atlas = new GlyphAtlas(256, 256);
        using var layouter = new TextLayouter(atlas, _fonts);
        using var reference = new TextLayouter(new GlyphAtlas(2048, 2048), _fonts);
        var block = new TextBlock();
        var expected = new TextBlock();
        int generation = atlas.Generation;

        for (int i = 0; i + 10 <= s_ideographs.Length; i += 10)
        {
            string caption = s_ideographs.Substring(i, 10);
            layouter.Layout(caption, 24, 1000, block);
            reference.Layout(caption, 24, 1000, expected);

            // Every glyph of this call is in the atlas at once: nothing placed by the call was evicted by it.
            PositionedGlyph[] glyphs = Glyphs(block, 0);
            PositionedGlyph[] truth = Glyphs(expected, 0);
            glyphs.Should().HaveCount(10);
            for (int g = 0; g < glyphs.Length; g++)
            {
                Pixels(atlas, glyphs[g]).Should().Equal(Pixels(reference.Atlas, truth[g]), $"glyph {g} of caption {i / 10}");
                glyphs[g].X.Should().Be(truth[g].X);
            }
        }

        layouter.Glyphs.Evictions.Should().BeGreaterThan(100);
        atlas.Generation.Should().BeGreaterThan(generation, "evicting shelves invalidates earlier positions");
        layouter.Glyphs.Count.Should().BeLessThan(400);
    }

    [Fact]
    public void BeginFrame_TwoBlocksInOneFrame_SecondNeverEvictsTheFirst()
    {
        var atlas = new GlyphAtlas(128, 128);
        using var layouter = new TextLayouter(atlas, _fonts);
        using var reference = new TextLayouter(new GlyphAtlas(1024, 1024), _fonts);
        var first = new TextBlock();
        var second = new TextBlock();
        var expected = new TextBlock();

        for (int i = 0; i + 8 <= 200; i += 8)
        {
            layouter.BeginFrame();
            layouter.Layout(s_ideographs.AsSpan(i, 4), 20, 1000, first);
            layouter.Layout(s_ideographs.AsSpan(i + 4, 4), 20, 1000, second);

            reference.Layout(s_ideographs.AsSpan(i, 4), 20, 1000, expected);
            PositionedGlyph[] glyphs = Glyphs(first, 0);
            PositionedGlyph[] truth = Glyphs(expected, 0);
            for (int g = 0; g < glyphs.Length; g++)
            {
                Pixels(atlas, glyphs[g]).Should().Equal(Pixels(reference.Atlas, truth[g]), $"frame {i / 8}: the first block's glyph {g} survived the second block");
            }
        }

        layouter.Glyphs.Evictions.Should().BeGreaterThan(0, "the 128x128 atlas holds far fewer than 200 glyphs");
    }

    [Fact]
    public void Layout_ParagraphLargerThanTheAtlas_ThrowsGlyphAtlasFullException()
    {
        using var layouter = new TextLayouter(new GlyphAtlas(64, 64), _fonts);

        Action layout = () => layouter.Layout(s_ideographs.AsSpan(0, 40), 24, 10_000, new TextBlock());

        layout.Should().Throw<GlyphAtlasFullException>().WithMessage("*64x64*");
    }

    [Fact]
    public void Clear_AfterLayout_EmptiesTheAtlasAndBumpsGeneration()
    {
        var atlas = new GlyphAtlas(256, 256);
        using var layouter = new TextLayouter(atlas, _fonts);
        layouter.Layout("Hello", 24, 1000, new TextBlock());
        int generation = atlas.Generation;

        layouter.Glyphs.Clear();

        layouter.Glyphs.Count.Should().Be(0);
        atlas.Generation.Should().BeGreaterThan(generation);
        atlas.Pixels.ToArray().Should().OnlyContain(p => p == 0);
    }
}
