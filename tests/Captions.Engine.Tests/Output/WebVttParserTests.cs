using Captions.TestKit.Captions;

namespace Captions.Engine.Tests.Output;

/// <summary>The strict WebVTT reader must reject real format errors, or the round-trip tests prove nothing.</summary>
public sealed class WebVttParserTests
{
    [Fact]
    public void Parse_ValidFile_ReturnsCuesIdentifiersAndDecodedText()
    {
        const string content =
            "WEBVTT - captions\n\n" +
            "NOTE written by hand\nover two lines\n\n" +
            "7\n00:01.000 --> 00:02.500 align:start\nfish &amp; chips &lt;3 &gt; <i>fries</i>\n\n" +
            "01:02:03.004 --> 101:00:00.000\nno identifier\n";

        var cues = WebVttParser.Parse(content);

        cues.Should().HaveCount(2);
        cues[0].Identifier.Should().Be("7");
        cues[0].Start.Should().Be(TimeSpan.FromSeconds(1));
        cues[0].End.Should().Be(TimeSpan.FromSeconds(2.5));
        cues[0].Lines.Should().Equal("fish & chips <3 > fries");
        cues[1].Identifier.Should().BeNull();
        cues[1].Start.Should().Be(new TimeSpan(0, 1, 2, 3, 4));
        cues[1].End.Should().Be(TimeSpan.FromHours(101));
    }

    [Fact]
    public void Parse_HeaderOnly_NoCues()
    {
        WebVttParser.Parse("WEBVTT\n\n").Should().BeEmpty();
        WebVttParser.Parse("WEBVTT\n").Should().BeEmpty();
    }

    [Theory]
    [InlineData("", 1, "must start with \"WEBVTT\"")]
    [InlineData("WEBVTT-captions\n\n", 1, "must start with \"WEBVTT\"")]
    [InlineData("webvtt\n\n", 1, "must start with \"WEBVTT\"")]
    [InlineData("1\n00:00:01.000 --> 00:00:02.000\nhi\n", 1, "must start with \"WEBVTT\"")]
    [InlineData("WEBVTT\n1\n00:00:01.000 --> 00:00:02.000\nhi\n", 2, "followed by a blank line")]
    [InlineData("WEBVTT\n\n1\n00:00:01,000 --> 00:00:02.000\nhi\n", 4, "expected \"[HH:]MM:SS.mmm")]
    [InlineData("WEBVTT\n\n1\n0:00:01.000 --> 00:00:02.000\nhi\n", 4, "expected \"[HH:]MM:SS.mmm")]
    [InlineData("WEBVTT\n\n1\n00:00:01.000 -> 00:00:02.000\nhi\n", 4, "expected \"[HH:]MM:SS.mmm")]
    [InlineData("WEBVTT\n\njust text\n", 3, "neither a cue")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n00:00:03.000 --> 00:00:04.000\n", 4, "\"-->\" inside cue text")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nx --> y\n", 4, "\"-->\" inside cue text")]
    [InlineData("WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nhi\n", 3, "not after its start")]
    [InlineData("WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nhi\n\n00:00:01.000 --> 00:00:02.000\nho\n", 6, "before the previous cue")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfish & chips\n", 4, "a bare '&'")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfish &amp chips\n", 4, "a bare '&'")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na <3 b\n", 4, "starts no cue tag")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n\nSTYLE\n::cue { color: red }\n", 6, "STYLE block after the first cue")]
    [InlineData("WEBVTT\n\n00:61:01.000 --> 00:62:02.000\nhi\n", 3, "bad start timestamp")]
    public void Parse_Malformed_ThrowsNamingTheLine(string content, int line, string problem)
    {
        var act = () => WebVttParser.Parse(content);

        act.Should().Throw<SubtitleFormatException>().Where(e => e.LineNumber == line).WithMessage($"*{problem}*");
    }
}
