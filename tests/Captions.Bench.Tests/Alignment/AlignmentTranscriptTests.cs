using Captions.Bench.Alignment;

namespace Captions.Bench.Tests.Alignment;

/// <summary>Transcript words to dictionary words, against a small stand-in dictionary (cmudict spellings).</summary>
public sealed class AlignmentTranscriptTests
{
    private static readonly HashSet<string> s_dictionary = ["and", "so", "my", "fellow", "americans", "americans'", "don't", "'tis", "cold", "hearted", "twenty-one", "ask"];

    [Fact]
    public void Parse_PunctuationCaseAndTypographicApostrophes_DictionarySpellings()
    {
        AlignmentTranscript parsed = Parse("And so, my fellow \u201CAmericans\u201D: don\u2019t ask!");

        parsed.Tokens.Select(t => t.Word).Should().Equal("and", "so", "my", "fellow", "americans", "don't", "ask");
    }

    [Fact]
    public void Parse_ApostropheAtAnEnd_KeptOnlyWhenTheDictionaryHasIt()
    {
        Parse("'Tis Americans' 'fellow'").Tokens.Select(t => t.Word).Should().Equal("'tis", "americans'", "fellow");
    }

    [Fact]
    public void Parse_HyphenatedWordTheDictionaryLacks_AlignedAsItsPartsReportedAsOne()
    {
        AlignmentTranscript parsed = Parse("cold-hearted twenty-one -- so");

        parsed.Tokens.Select(t => t.Word).Should().Equal("cold-hearted", "twenty-one", "so");
        parsed.DictionaryWords.Should().Equal("cold", "hearted", "twenty-one", "so");
    }

    [Fact]
    public void Parse_SeveralUnknownWords_NamesEachWithItsPosition()
    {
        Action act = () => Parse("so Zorblax and 42 fellow");

        act.Should().Throw<AlignmentException>()
            .WithMessage("*'Zorblax' (word 2), '42' (word 4) (spell numbers out as words)*")
            .Which.Word.Should().Be("Zorblax");
    }

    [Fact]
    public void BuildGrammar_Words_OnePublicRuleInOrder()
    {
        ForcedAligner.BuildGrammar(["don't", "ask"]).Should().Be("#JSGF V1.0;\ngrammar alignment;\npublic <transcript> = don't ask;\n");
    }

    [Theory]
    [InlineData("read(2)", "read")]
    [InlineData("for(3)", "for")]
    [InlineData("ask", "ask")]
    public void BaseWord_AlternatePronunciation_TheWord(string segment, string word)
    {
        ForcedAligner.BaseWord(segment).Should().Be(word);
    }

    private static AlignmentTranscript Parse(string transcript) => AlignmentTranscript.Parse(transcript, s_dictionary.Contains);
}
