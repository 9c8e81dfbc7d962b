namespace Captions.Translation.Apertium.Tests;

public sealed class ApertiumTextTests
{
    [Theory]
    [InlineData("a\0b", "a b")]
    [InlineData("  line one\r\nline two\t ", "line one line two")]
    [InlineData("bell\u0007 esc\u001b del\u007f c1\u0085 ls\u2028end", "bell esc del c1 ls end")]
    public void Neutralise_ControlCharacters_BecomeSingleSpaces(string input, string expected)
    {
        ApertiumText.Neutralise(input).Should().Be(expected);
    }

    [Fact]
    public void Escape_StreamMetacharacters_AreBackslashedAsApertiumDestxtDoes()
    {
        ApertiumText.Escape(@"a [b] ^c$ /d <e> @f \g {h} *i #j").Should().Be(@"a \[b\] \^c\$ \/d \<e\> \@f \\g \{h\} *i #j");
    }

    [Theory]
    [InlineData("Dónde es la #canal de *xyzzy?", "Where is the xyzzy train station?", "Dónde es la canal de xyzzy?")]
    [InlineData("Lo @envía a \\[b\\]\n", "Send it to [b]", "Lo envía a [b]")]
    [InlineData("Sigue #hashtag y @ana", "Follow #hashtag and @ana", "Sigue #hashtag y @ana")]
    [InlineData("C# y 5*3", "C# and 5*3", "C# y 5*3")]
    public void Clean_MarksNotInTheSource_AreDroppedAndEscapesUndone(string output, string source, string expected)
    {
        ApertiumText.Clean(output, source).Should().Be(expected);
    }
}
