using Captions.Renderer.Text;

namespace Captions.Renderer.Tests.Text;

public sealed class LineBreakerTests
{
    [Theory]
    [InlineData("ab cd", new[] { 3 })]
    [InlineData("ab   cd", new[] { 5 })]
    [InlineData("中文字", new[] { 1, 2 })]
    [InlineData("中。文", new[] { 2 })]
    [InlineData("你好，世界！", new[] { 1, 3, 4 })]
    [InlineData("「中」文", new[] { 3 })]
    [InlineData("(ab) cd", new[] { 5 })]
    [InlineData("ab ) cd", new[] { 5 })]
    [InlineData("well-known", new[] { 5 })]
    [InlineData("Hello, world!", new[] { 7 })]
    [InlineData("abc中文def", new[] { 3, 4, 5 })]
    [InlineData("とっても", new[] { 2, 3 })]
    [InlineData("e\u0301e\u0301 x", new[] { 5 })]
    [InlineData("مرحبا بالعالم", new[] { 6 })]
    public void FindBreaks_Text_AllowsBreaksOnlyAtCaptionOpportunities(string text, int[] expected)
    {
        var breaks = new BreakOpportunity[text.Length];

        LineBreaker.FindBreaks(text, breaks);

        Enumerable.Range(0, text.Length).Where(i => breaks[i] == BreakOpportunity.Allowed).Should().Equal(expected);
    }

    [Fact]
    public void FindBreaks_Newlines_AreMandatoryAfterThem()
    {
        const string text = "ab\ncd\r\nef";
        var breaks = new BreakOpportunity[text.Length];

        LineBreaker.FindBreaks(text, breaks);

        Enumerable.Range(0, text.Length).Where(i => breaks[i] == BreakOpportunity.Mandatory).Should().Equal(3, 7);
    }

    [Fact]
    public void FindBreaks_IdeographsOutsideTheBmp_BreakBetweenCodePointsNotSurrogates()
    {
        const string text = "\U00020000\U00020001";
        var breaks = new BreakOpportunity[text.Length];

        LineBreaker.FindBreaks(text, breaks);

        breaks.Should().Equal(BreakOpportunity.None, BreakOpportunity.None, BreakOpportunity.Allowed, BreakOpportunity.None);
    }
}
