using Captions.Renderer.Text;

namespace Captions.Renderer.OpenGL.Tests.Integration;

/// <summary>Script behaviour of the real layouter inside the caption composer: CJK breaking, Arabic joining, bidi order.</summary>
public sealed class RealTextShapingTests
{
    [Fact]
    public void Compose_LongChineseTranslation_WrapsIntoTwoRowsNeverStartingWithClosingPunctuation()
    {
        using var harness = new RealCaptionHarness();
        harness.Builder.Apply(RealCaptionHarness.Committed(1, "Hello"));
        harness.Settle();
        var size = harness.Composer.Layout.TextSize;
        var width = harness.Composer.Layout.LineWidth;

        // How many ideographs fit a row, then put '，' exactly where the row would break: it must not start row 2.
        var probe = new TextBlock();
        harness.Layouter.Layout(new string('我', 60), size, width, probe);
        var perRow = probe[0].Length;
        var chinese = string.Concat(Enumerable.Repeat("我们明天早上在火车站见面然后一起去参观博物馆的新展览", 2))[..perRow] + "，" + "然后一起去博物馆。";
        harness.Builder.Apply(RealCaptionHarness.Committed(2, "We meet at the station tomorrow morning, then we visit the museum.", chinese));
        var frame = harness.Settle();

        var block = new TextBlock();
        harness.Layouter.Layout(chinese, size, width, block);
        block.LineCount.Should().Be(2, $"{chinese.Length} characters of ~{size} px in a {width} px box ({perRow} ideographs a row)");
        for (var r = 0; r < block.LineCount; r++)
        {
            chinese[block[r].Start].Should().NotBe('，').And.NotBe('。', $"row {r} must not start with closing punctuation");
        }

        block[1].Start.Should().Be(perRow - 1, "the ideograph before '，' moves down with it (break between ideographs)");
        var box = harness.Composer.Layout;
        var rowTops = frame.Quads.Quads.ToArray().Where(q => q.Y >= box.BoxTop - box.RowHeight / 2).Select(q => (q.Y + q.Height / 2 - box.BoxTop) / box.RowHeight).Distinct();
        rowTops.Should().BeEquivalentTo([0, 1], "the composer draws the translation in two rows of the box");
    }

    [Fact]
    public void Compose_ArabicTranslation_IsRightAlignedJoinedAndRightToLeft()
    {
        const string arabic = "سنلتقي غدا في محطة القطار";
        using var harness = new RealCaptionHarness();
        harness.Builder.Apply(RealCaptionHarness.Committed(1, "We meet tomorrow at the train station", arabic));
        var frame = harness.Settle();
        var pixels = harness.RenderGl();
        var layout = harness.Composer.Layout;

        var rowQuads = frame.Quads.Quads.ToArray().Where(q => q.Y >= layout.BoxTop - (layout.RowHeight / 2)).ToArray();
        rowQuads.Should().NotBeEmpty();
        var boxRight = layout.BoxX + layout.LineWidth;
        rowQuads.Max(q => q.X + q.Width).Should().BeInRange(boxRight - 8, boxRight + 4, "the right-to-left row ends at the box's right edge");
        rowQuads.Min(q => q.X).Should().BeGreaterThan(layout.BoxX + 50, "a short Arabic row does not start at the box's left edge");
        var lit = FramePixels.RightmostLit(pixels, 1920, 0, layout.BoxTop, layout.BoxTop + layout.RowHeight);
        lit.Should().BeInRange(boxRight + frame.Left.X - 8, boxRight + frame.Left.X + 4, "in the drawn left eye too");

        // Joined: the word's glyphs are contextual forms, not the isolated letters; right to left: the first letter is rightmost.
        var joined = new TextBlock();
        var isolated = new TextBlock();
        harness.Layouter.Layout("سلام", layout.TextSize, layout.LineWidth, joined);
        harness.Layouter.Layout("س ل ا م", layout.TextSize, layout.LineWidth, isolated);
        var joinedGlyphs = joined.GlyphsOf(joined[0]).ToArray();
        var isolatedGlyphs = isolated.GlyphsOf(isolated[0]).ToArray();
        joined[0].IsRightToLeft.Should().BeTrue();
        joinedGlyphs.Should().HaveCount(3, "lam + alef form the obligatory lam-alef ligature in DejaVu Sans");
        isolatedGlyphs.Should().HaveCount(4);
        var joinedAtlas = joinedGlyphs.Select(g => (g.AtlasX, g.AtlasY)).ToHashSet();
        var isolatedAtlas = isolatedGlyphs.Select(g => (g.AtlasX, g.AtlasY)).ToHashSet();
        joinedAtlas.Intersect(isolatedAtlas).Should().HaveCount(1, "initial seen and the lam-alef ligature are contextual forms; meem after alef (which never joins forward) stays isolated");
        joinedGlyphs.OrderBy(g => g.X).Select(g => g.Cluster).Should().BeInDescendingOrder("the first letter is drawn rightmost");
        joined[0].Width.Should().BeLessThan(isolated[0].Width, "no spaces and connected forms");
    }

    [Fact]
    public void Layout_EnglishWithHebrewPhrase_OrdersGlyphsByTheBidiAlgorithm()
    {
        const string text = "He said שלום עולם yesterday";
        using var harness = new RealCaptionHarness();
        var block = new TextBlock();

        harness.Layouter.Layout(text, 49, 1800, block);

        block.LineCount.Should().Be(1);
        block[0].IsRightToLeft.Should().BeFalse("the first strong character is Latin");
        var visual = block.GlyphsOf(block[0]).ToArray().OrderBy(g => g.X).Select(g => g.Cluster).ToArray();
        int hebrewStart = text.IndexOf('ש'), hebrewEnd = text.IndexOf('ם', text.IndexOf('ע'));
        var english = visual.Where(c => c < hebrewStart || c > hebrewEnd).ToArray();
        var hebrew = visual.Where(c => c >= hebrewStart && c <= hebrewEnd).ToArray();
        english.Should().BeInAscendingOrder("Latin runs read left to right");
        hebrew.Should().HaveCount("שלוםעולם".Length).And.BeInDescendingOrder("the Hebrew run is reversed: its first letter is rightmost");
        var firstHebrew = Array.IndexOf(visual, hebrew[0]);
        visual[..firstHebrew].Should().OnlyContain(c => c < hebrewStart, "'He said' comes before the Hebrew phrase");
        visual[(firstHebrew + hebrew.Length)..].Should().OnlyContain(c => c > hebrewEnd, "'yesterday' comes after it");

        // The Hebrew words keep their order right to left too: עולם (second word) sits left of שלום (first word).
        var glyphs = block.GlyphsOf(block[0]).ToArray();
        glyphs.Where(g => g.Cluster >= text.IndexOf('ע') && g.Cluster <= hebrewEnd).Max(g => g.X)
            .Should().BeLessThan(glyphs.Where(g => g.Cluster >= hebrewStart && g.Cluster < text.IndexOf('ע')).Min(g => g.X));
    }
}
