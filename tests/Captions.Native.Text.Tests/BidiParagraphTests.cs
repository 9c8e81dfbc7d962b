using Captions.Native.FriBidi;
using Captions.TestKit.Diagnostics;

namespace Captions.Native.Text.Tests;

public sealed class BidiParagraphTests
{
    private readonly BidiParagraph _bidi = new();

    [Fact]
    public void Analyze_Latin_IsLeftToRightLevelZero()
    {
        _bidi.Analyze("hello world");

        _bidi.Direction.Should().Be(ParagraphDirection.LeftToRight);
        _bidi.Levels.ToArray().Should().OnlyContain(level => level == 0).And.HaveCount(11);
    }

    [Fact]
    public void Analyze_HebrewInsideEnglish_HebrewIsLevelOne()
    {
        const string text = "say שלום now";

        _bidi.Analyze(text);

        _bidi.IsRightToLeft.Should().BeFalse();
        sbyte[] levels = _bidi.Levels.ToArray();
        levels[..4].Should().OnlyContain(l => l == 0);
        levels[4..8].Should().OnlyContain(l => l == 1);
        levels[8..].Should().OnlyContain(l => l == 0);
    }

    [Fact]
    public void Analyze_NeutralsThenArabic_FirstStrongCharacterMakesItRightToLeft()
    {
        _bidi.Analyze("123, سلام world");

        _bidi.Direction.Should().Be(ParagraphDirection.RightToLeft);
        _bidi.Levels[5].Should().Be(1, "Arabic in an RTL paragraph");
        _bidi.Levels[0].Should().Be(2, "European digits in an RTL paragraph go one level up (I1: EN at an odd level -> 2)");
        _bidi.Levels[^1].Should().Be(2, "Latin in an RTL paragraph");
    }

    [Fact]
    public void Analyze_SurrogatePairs_BothHalvesGetTheirCodePointsLevel()
    {
        // U+10900 PHOENICIAN LETTER ALF is strong RTL and outside the BMP.
        const string text = "a \U00010900\U00010901 b";

        _bidi.Analyze(text);

        _bidi.Levels.Length.Should().Be(text.Length);
        _bidi.Levels.ToArray().Should().Equal(0, 0, 1, 1, 1, 1, 0, 0);
    }

    [Fact]
    public void Analyze_Empty_IsLeftToRightWithNoLevels()
    {
        _bidi.Analyze(string.Empty);

        _bidi.Levels.IsEmpty.Should().BeTrue();
        _bidi.Direction.Should().Be(ParagraphDirection.LeftToRight);
    }

    [Fact]
    public void Analyze_RepeatedParagraph_AllocatesNothing()
    {
        const string text = "English with עברית and العربية inside";

        long allocated = AllocationProbe.SteadyStateBytes(() => _bidi.Analyze(text), iterations: 100);

        allocated.Should().Be(0);
    }

    [Theory]
    [InlineData('a', BidiCharType.LeftToRight)]
    [InlineData('\u05D0', BidiCharType.RightToLeft)]
    [InlineData('\u0627', BidiCharType.ArabicLetter)]
    [InlineData('1', BidiCharType.EuropeanNumber)]
    [InlineData('\u0661', BidiCharType.ArabicNumber)]
    [InlineData(' ', BidiCharType.WhiteSpace)]
    [InlineData('!', BidiCharType.OtherNeutral)]
    [InlineData('\u064E', BidiCharType.NonSpacingMark)]
    public void GetBidiType_CodePoint_IsItsBidiClass(char c, BidiCharType expected)
    {
        BidiParagraph.GetBidiType(c).Should().Be(expected);
    }

    [Theory]
    [InlineData(new sbyte[] { 0, 1, 1, 0 }, new[] { 0, 2, 1, 3 })]
    [InlineData(new sbyte[] { 1, 2, 1 }, new[] { 2, 1, 0 })]
    [InlineData(new sbyte[] { 1, 2, 2, 1 }, new[] { 3, 1, 2, 0 })]
    [InlineData(new sbyte[] { 0, 0 }, new[] { 0, 1 })]
    public void ReorderRuns_Levels_FollowRuleL2(sbyte[] levels, int[] expected)
    {
        var order = new int[levels.Length];

        BidiParagraph.ReorderRuns(levels, order);

        order.Should().Equal(expected);
    }
}
