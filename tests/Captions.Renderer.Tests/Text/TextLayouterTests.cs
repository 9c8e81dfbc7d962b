using Captions.Renderer.Text;
using Captions.TestKit.Diagnostics;
using static Captions.Renderer.Tests.Text.LayoutAssertions;

namespace Captions.Renderer.Tests.Text;

public sealed class TextLayouterTests : IDisposable
{
    private readonly GlyphAtlas _atlas = new(1024, 1024);
    private readonly TextLayouter _layouter;
    private readonly TextBlock _block = new();

    public TextLayouterTests() => _layouter = new TextLayouter(_atlas);

    public void Dispose() => _layouter.Dispose();

    [Fact]
    public void Layout_LatinParagraph_WrapsAfterSpacesWithinTheWidth()
    {
        const string text = "The quick brown fox jumps over the lazy dog and keeps running far away";

        _layouter.Layout(text, 32, 300, _block);

        _block.LineCount.Should().BeInRange(3, 6);
        ShouldTileTheText(_block, text);
        for (int line = 0; line < _block.LineCount; line++)
        {
            _block[line].Width.Should().BeInRange(1, 300);
            _block[line].IsRightToLeft.Should().BeFalse();
            if (line > 0)
            {
                text[_block[line].Start - 1].Should().Be(' ', "Latin breaks only after spaces");
                text[_block[line].Start].Should().NotBe(' ');
            }

            // Greedy: the next line's first word would not have fitted.
            if (line + 1 < _block.LineCount)
            {
                string nextWord = text[_block[line + 1].Start..].Split(' ')[0];
                var probe = new TextBlock();
                _layouter.Layout(LineText(text, _block, line) + nextWord, 32, 10_000, probe);
                probe[0].Width.Should().BeGreaterThan(300, $"line {line} took every word that fits");
            }
        }

        _block.LineHeight.Should().Be(38, "ascent 30 + descent 8 (rounded outwards) exceed DejaVu's 37 px line gap at 32 px");
        _block.Ascent.Should().Be(30);
        _block.Descent.Should().Be(8);
    }

    [Fact]
    public void Layout_LatinLine_GlyphsAdvanceLeftToRightInWholePixels()
    {
        const string text = "Hello";

        _layouter.Layout(text, 32, 1000, _block);

        PositionedGlyph[] glyphs = Glyphs(_block, 0);
        glyphs.Select(g => g.Cluster).Should().Equal(0, 1, 2, 3, 4);
        glyphs.Select(g => g.X).Should().BeInAscendingOrder();
        glyphs.Should().OnlyContain(g => g.Y < 0 && g.Y + g.Height <= 1, "glyphs of 'Hello' sit on the baseline");
        _block[0].Width.Should().BeInRange(79, 83);
        glyphs.Should().OnlyContain(g => Pixels(_atlas, g).Any(p => p > 0));
    }

    [Fact]
    public void Layout_ChineseAtManyWidths_WrapsBetweenIdeographsNeverBeforeClosingPunctuation()
    {
        const string text = "我们今天去公园散步，天气非常好。然后我们一起吃了午饭、聊了很多事情（真的）！";
        const string noStart = "，。、）！";

        // From 3 ideographs per line: "的）！" (72 px) must fit one line, or no legal break exists and the
        // emergency break between clusters would have to put "！" first.
        for (int width = 75; width <= 400; width += 9)
        {
            _layouter.Layout(text, 24, width, _block);

            _block.LineCount.Should().BeGreaterThan(1);
            ShouldTileTheText(_block, text);
            for (int line = 0; line < _block.LineCount; line++)
            {
                _block[line].Width.Should().BeLessThanOrEqualTo(width, $"width {width}, line {line}");
                if (line > 0)
                {
                    noStart.Should().NotContain(text[_block[line].Start].ToString(), $"width {width}: line {line} must not start with closing punctuation");
                    text[_block[line].Start - 1].Should().NotBe('（', "no break after opening punctuation");
                }
            }
        }
    }

    [Fact]
    public void Layout_ChineseLine_FillsTheWidthGreedily()
    {
        const string text = "我们今天去公园散步天气非常好";

        _layouter.Layout(text, 24, 24 * 5, _block);

        // Ideographs are 24 px wide at 24 px/em: exactly 5 per 120 px line.
        _block[0].Length.Should().Be(5);
        _block[0].Width.Should().Be(120);
        _block.LineCount.Should().Be(3);
    }

    [Fact]
    public void Layout_ArabicWord_IsJoinedAndRunsRightToLeft()
    {
        const string word = "سلام";
        var isolated = new HashSet<(int, int)>();
        foreach (char letter in word)
        {
            _layouter.Layout(letter.ToString(), 32, 1000, _block);
            PositionedGlyph g = Glyphs(_block, 0).Single();
            isolated.Add((g.AtlasX, g.AtlasY));
        }

        _layouter.Layout(word, 32, 1000, _block);

        PositionedGlyph[] joined = Glyphs(_block, 0);
        _block[0].IsRightToLeft.Should().BeTrue();
        joined.Should().HaveCount(3, "seen (initial), lam-alef ligature (final form), meem");
        joined.Where(g => g.Cluster < 3).Select(g => (g.AtlasX, g.AtlasY)).Should().NotIntersectWith(isolated, "joined forms are other glyphs than the isolated letters");
        isolated.Should().Contain((joined.Single(g => g.Cluster == 3).AtlasX, joined.Single(g => g.Cluster == 3).AtlasY), "alef never joins to the left, so meem stays isolated");
        joined.MaxBy(g => g.X).Cluster.Should().Be(0, "the first logical letter is right-most");
        joined.Select(g => g.Cluster).Should().BeInDescendingOrder();
    }

    [Fact]
    public void Layout_EnglishWithHebrewPhrase_OrdersRunsByTheBidiAlgorithm()
    {
        const string text = "He said שלום עולם today";
        int shin = text.IndexOf('ש', StringComparison.Ordinal);
        int finalMem = text.IndexOf('ם', text.IndexOf('ע', StringComparison.Ordinal));

        _layouter.Layout(text, 32, 2000, _block);

        _block.LineCount.Should().Be(1);
        _block[0].IsRightToLeft.Should().BeFalse();
        PositionedGlyph[] glyphs = Glyphs(_block, 0);
        glyphs.Select(g => g.X).Should().BeInAscendingOrder("glyphs come in visual order");
        int X(int cluster) => glyphs.Single(g => g.Cluster == cluster).X;
        X(shin).Should().BeGreaterThan(X(finalMem), "the Hebrew phrase reads right to left");
        X(text.IndexOf('d', StringComparison.Ordinal)).Should().BeLessThan(X(finalMem), "'said' precedes the Hebrew phrase");
        X(text.IndexOf('t', StringComparison.Ordinal)).Should().BeGreaterThan(X(shin), "'today' follows it");
        int[] hebrew = glyphs.Where(g => text[g.Cluster] is >= '\u05D0' and <= '\u05EA').Select(g => g.Cluster).ToArray();
        hebrew.Should().BeInDescendingOrder().And.HaveCount(8);
    }

    [Fact]
    public void Layout_HebrewParagraph_LinesAreRightToLeft()
    {
        const string text = "שלום עולם, מה שלומך היום? הכל טוב";

        _layouter.Layout(text, 32, 200, _block);

        _block.LineCount.Should().BeGreaterThan(1);
        Lines(_block).Should().OnlyContain(line => line.IsRightToLeft);
        Glyphs(_block, 0).MaxBy(g => g.X).Cluster.Should().Be(0);
    }

    [Theory]
    [InlineData("สวัสดีครับ ยินดีต้อนรับ")]
    [InlineData("Привет, мир! Как дела?")]
    [InlineData("Καλημέρα κόσμε")]
    [InlineData("こんにちは、カタカナ、한국어")]
    public void Layout_OtherScripts_RenderNonEmptyGlyphsFromTheirFallbackFont(string text)
    {
        _layouter.Layout(text, 28, 2000, _block);

        PositionedGlyph[] glyphs = AllGlyphs(_block);
        glyphs.Length.Should().BeGreaterThanOrEqualTo(text.Count(c => !char.IsWhiteSpace(c)) / 2);
        glyphs.Should().OnlyContain(g => g.Width > 0 && g.Height > 0 && Pixels(_atlas, g).Any(p => p > 64));
        foreach (char c in text.Where(char.IsLetter))
        {
            _layouter.Fonts.FindFont(c.ToString()).Should().BeGreaterThanOrEqualTo(0, $"some default font has U+{(int)c:X4}");
        }
    }

    [Theory]
    [InlineData(0x13000)]
    [InlineData(0x10FFFD)]
    public void Layout_CodePointNoFontHas_DrawsAHollowBox(int codePoint)
    {
        string missing = char.ConvertFromUtf32(codePoint);
        _layouter.Fonts.FindFont(missing).Should().Be(-1, "precondition: no default font has the code point");
        string text = "a" + missing + "b";

        _layouter.Layout(text, 32, 1000, _block);

        PositionedGlyph box = Glyphs(_block, 0).Single(g => g.Cluster == 1);
        box.Width.Should().Be(16);
        box.Height.Should().Be(22);
        byte[] pixels = Pixels(_atlas, box);
        pixels[0].Should().Be(255, "top-left corner of the outline");
        pixels[^1].Should().Be(255, "bottom-right corner of the outline");
        pixels[((box.Height / 2) * box.Width) + (box.Width / 2)].Should().Be(0, "the box is hollow");
        Glyphs(_block, 0).Select(g => g.Cluster).Should().Equal(0, 1, 3);
    }

    [Fact]
    public void Layout_EmptyText_GivesNoLinesButMetrics()
    {
        _layouter.Layout(string.Empty, 32, 100, _block);

        _block.LineCount.Should().Be(0);
        _block.LineHeight.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Layout_TenThousandCharacters_WrapsEveryLineWithinTheWidth()
    {
        string text = string.Concat(Enumerable.Repeat("Captions for everyone 字幕 ", 400))[..10_000];

        _layouter.Layout(text, 24, 640, _block);

        _block.LineCount.Should().BeGreaterThan(100);
        ShouldTileTheText(_block, text);
        Lines(_block).Should().OnlyContain(line => line.Width <= 640);
    }

    [Fact]
    public void Layout_WordLongerThanTheLine_BreaksBetweenGraphemeClusters()
    {
        const string text = "Supercalifragilisticexpialidocious";

        _layouter.Layout(text, 32, 150, _block);

        _block.LineCount.Should().BeGreaterThan(2);
        ShouldTileTheText(_block, text);
        Lines(_block).Should().OnlyContain(line => line.Width <= 150 && line.Length > 0);
    }

    [Fact]
    public void Layout_OverlongWordBeforePunctuation_EmergencyBreakKeepsThePunctuationOffTheLineStart()
    {
        for (int width = 100; width <= 400; width += 5)
        {
            const string text = "Supercalifragilisticexpialidocious!!";

            _layouter.Layout(text, 32, width, _block);

            ShouldTileTheText(_block, text);
            Lines(_block).Should().OnlyContain(line => text[line.Start] != '!', $"width {width}");
        }
    }

    [Fact]
    public void Layout_AppendedText_KeepsEarlierBreaks()
    {
        const string prefix = "Committed words never move once they are shown on the glasses";
        const string full = prefix + " while partial words keep arriving";
        var before = new TextBlock();

        _layouter.Layout(prefix, 32, 360, before);
        _layouter.Layout(full, 32, 360, _block);

        for (int line = 0; line < before.LineCount - 1; line++)
        {
            _block[line].Should().Be(before[line]);
            Glyphs(_block, line).Should().Equal(Glyphs(before, line));
        }
    }

    [Fact]
    public void Layout_RepeatedCaption_AllocatesNothing()
    {
        const string text = "Hello שלום 你好，世界。 Привет สวัสดี مرحبا \U00013000";

        long bytes = AllocationProbe.SteadyStateBytes(() => _layouter.Layout(text, 30, 400, _block), iterations: 50);

        bytes.Should().Be(0);
        _block.LineCount.Should().BeGreaterThan(1);
    }

    [Fact]
    public void Layout_CachedGlyphs_LeaveTheAtlasGenerationAlone()
    {
        _layouter.Layout("Steady text", 32, 400, _block);
        int generation = _atlas.Generation;

        _layouter.Layout("Steady text", 32, 400, _block);

        _atlas.Generation.Should().Be(generation);
        _atlas.TakeDirty();
        _layouter.Layout("Steady text", 32, 400, _block);
        _atlas.TakeDirty().IsEmpty.Should().BeTrue("no new glyph was rasterised");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(100_000)]
    public void Layout_AbsurdSize_ThrowsNamingTheRange(int sizePx)
    {
        Action layout = () => _layouter.Layout("x", sizePx, 100, _block);

        layout.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*4..512*");
    }
}
