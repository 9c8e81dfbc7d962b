using Captions.TestKit.Captions;

namespace Captions.Engine.Tests.Output;

/// <summary>The strict SRT reader must reject real format errors, or the round-trip tests prove nothing.</summary>
public sealed class SrtParserTests
{
    private const string Valid =
        "1\n00:00:01,000 --> 00:00:02,500\nhello there\nsecond line\n\n" +
        "2\n01:02:03,004 --> 01:02:04,005\nnext\n\n";

    [Fact]
    public void Parse_ValidFile_ReturnsCuesWithExactTimes()
    {
        var cues = SrtParser.Parse(Valid);

        cues.Should().HaveCount(2);
        cues[0].Should().BeEquivalentTo(new { Identifier = "1", Start = TimeSpan.FromSeconds(1), End = TimeSpan.FromSeconds(2.5) });
        cues[0].Lines.Should().Equal("hello there", "second line");
        cues[1].Start.Should().Be(new TimeSpan(0, 1, 2, 3, 4));
        cues[1].End.Should().Be(new TimeSpan(0, 1, 2, 4, 5));
    }

    [Fact]
    public void Parse_CrLfAndNoTrailingBlankLine_Accepted()
    {
        SrtParser.Parse("1\r\n00:00:01,000 --> 00:00:02,000\r\nhi\r\n").Should().ContainSingle();
    }

    [Fact]
    public void Parse_Empty_NoCues()
    {
        SrtParser.Parse(string.Empty).Should().BeEmpty();
    }

    [Theory]
    [InlineData("2\n00:00:01,000 --> 00:00:02,000\nhi\n\n", 1, "expected cue number 1")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nhi\n\n3\n00:00:03,000 --> 00:00:04,000\nho\n\n", 5, "expected cue number 2")]
    [InlineData("01\n00:00:01,000 --> 00:00:02,000\nhi\n\n", 1, "expected cue number 1")]
    [InlineData("1\n00:00:01.000 --> 00:00:02,000\nhi\n\n", 2, "bad start timestamp")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,00\nhi\n\n", 2, "bad end timestamp")]
    [InlineData("1\n0:00:01,000 --> 00:00:02,000\nhi\n\n", 2, "bad start timestamp")]
    [InlineData("1\n00:60:01,000 --> 00:61:02,000\nhi\n\n", 2, "bad start timestamp")]
    [InlineData("1\n00:00:01,000 -> 00:00:02,000\nhi\n\n", 2, "expected \"HH:MM:SS,mmm --> HH:MM:SS,mmm\"")]
    [InlineData("1\n00:00:01,000-->00:00:02,000\nhi\n\n", 2, "expected \"HH:MM:SS,mmm --> HH:MM:SS,mmm\"")]
    [InlineData("1\n00:00:02,000 --> 00:00:02,000\nhi\n\n", 2, "not after its start")]
    [InlineData("1\n00:00:05,000 --> 00:00:06,000\nhi\n\n2\n00:00:01,000 --> 00:00:02,000\nho\n\n", 6, "before the previous cue")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\n\n", 3, "has no text")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nhi\n\n\n2\n00:00:03,000 --> 00:00:04,000\nho\n\n", 5, "two blank lines")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nhi\n \nho\n\n", 4, "whitespace-only")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nhi", 3, "does not end with a line break")]
    [InlineData("\uFEFF1\n00:00:01,000 --> 00:00:02,000\nhi\n\n", 1, "byte order mark")]
    [InlineData("1\n", 2, "no timing line")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nhi\n2\n00:00:03,000 --> 00:00:04,000\nho\n\n", 5, "missing blank line")]
    public void Parse_Malformed_ThrowsNamingTheLine(string content, int line, string problem)
    {
        var act = () => SrtParser.Parse(content);

        act.Should().Throw<SubtitleFormatException>().Where(e => e.LineNumber == line).WithMessage($"*{problem}*");
    }
}
