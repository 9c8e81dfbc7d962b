using Captions.Engine.Output;

namespace Captions.Engine.Tests.Output;

public sealed class CaptionTextLayoutTests
{
    private const string LongSentence =
        "and mister john dashwood had then leisure to consider how much there might be prudently in his power to do " +
        "for them he was not an ill disposed young man unless to be rather cold hearted and rather selfish is to be ill disposed";

    private readonly CaptionTextLayout _layout = new();

    [Fact]
    public void Layout_ShortText_OneCueOneLineWithTheLineTimes()
    {
        var cues = _layout.Layout(CaptionLines.Committed(1, "he was not an ill disposed young man", 1.5, 3.25));

        var cue = cues.Should().ContainSingle().Subject;
        cue.Lines.Should().Equal("he was not an ill disposed young man");
        cue.Start.Should().Be(TimeSpan.FromSeconds(1.5));
        cue.End.Should().Be(TimeSpan.FromSeconds(3.25));
        cue.TranslationLines.Should().BeEmpty();
    }

    [Fact]
    public void WrapLines_Exactly42Characters_StaysOnOneLine()
    {
        string text = "abcdefghij abcdefghij abcdefghij abcdefghi"; // 42
        text.Length.Should().Be(42);

        _layout.WrapLines(text).Should().Equal(text);
    }

    [Fact]
    public void WrapLines_43Characters_TwoBalancedLinesShorterOnTop()
    {
        string text = "abcdefghij abcdefghij abcdefghij abcdefghij"; // 43: four 10-char words

        var lines = _layout.WrapLines(text);

        lines.Should().Equal("abcdefghij abcdefghij", "abcdefghij abcdefghij");
    }

    [Fact]
    public void WrapLines_TwoEquallyBalancedBreaks_ShorterLineOnTop()
    {
        // 22 characters into lines of 16: "aaaaa" + "bbbbbbbbbb ccccc" (5/16) is exactly as uneven as 16/5.
        var lines = new CaptionTextLayout(maxLineLength: 16).WrapLines("aaaaa bbbbbbbbbb ccccc");

        lines.Should().Equal("aaaaa", "bbbbbbbbbb ccccc");
    }

    [Fact]
    public void WrapLines_WordLongerThanLine_HardBrokenWithoutLosingCharacters()
    {
        string word = new string('x', 50) + "yz";

        var lines = _layout.WrapLines($"see {word} now");

        lines.Should().OnlyContain(l => l.Length <= 42);
        string.Concat(lines).Replace(" ", "", StringComparison.Ordinal).Should().Be("see" + word + "now");
        lines.Should().Contain(l => l == new string('x', 42), "the word is cut at exactly the line length");
    }

    [Fact]
    public void WrapLines_ChineseWithoutSpaces_BreaksBetweenIdeographsNotBeforePunctuation()
    {
        const string text = "我们今天下午三点在火车站门口见面，然后一起去博物馆参观新的展览。请不要迟到。";
        var layout = new CaptionTextLayout(maxLineLength: 16);

        var lines = layout.WrapLines(text);

        lines.Should().HaveCountGreaterThan(2);
        lines.Should().OnlyContain(l => l.Length <= 16);
        string.Concat(lines).Should().Be(text, "no character is lost or added, and no space is inserted between ideographs");
        lines.Should().NotContain(l => l.StartsWith('，') || l.StartsWith('。'));
    }

    [Fact]
    public void WrapLines_SurrogatePairIdeographs_NeverSplitAPair()
    {
        string text = string.Concat(Enumerable.Repeat("\U00020000\U00020001", 10)); // 20 CJK Extension B ideographs

        var lines = new CaptionTextLayout(maxLineLength: 7).WrapLines(text);

        lines.Should().OnlyContain(l => !char.IsHighSurrogate(l[l.Length - 1]) && !char.IsLowSurrogate(l[0]));
        string.Concat(lines).Should().Be(text);
        lines.Should().OnlyContain(l => l.Length <= 14, "7 ideographs of 2 UTF-16 units each");
    }

    [Fact]
    public void Layout_WhitespaceRuns_CollapseToSingleSpaces()
    {
        var cues = _layout.Layout(CaptionLines.Committed(1, "  hello \n\t world  ", 0, 1));

        cues.Single().Lines.Should().Equal("hello world");
    }

    [Fact]
    public void Layout_EmptyText_NoCues()
    {
        _layout.Layout(CaptionLines.Committed(1, " \n ", 0, 1)).Should().BeEmpty();
    }

    [Fact]
    public void Layout_LongText_FewestCuesOfAtMostTwoLinesCoveringTheTimeRange()
    {
        var cues = _layout.Layout(CaptionLines.Committed(1, LongSentence, 10, 30));

        // 226 characters need at least 6 lines of 42: 3 cues.
        cues.Should().HaveCount(3);
        cues.Should().OnlyContain(c => c.Lines.Count >= 1 && c.Lines.Count <= 2 && c.Lines.All(l => l.Length <= 42));
        string.Join(' ', cues.SelectMany(c => c.Lines)).Should().Be(LongSentence);
        cues[0].Start.Should().Be(TimeSpan.FromSeconds(10));
        cues[^1].End.Should().Be(TimeSpan.FromSeconds(30));
        cues.Zip(cues.Skip(1)).Should().OnlyContain(p => p.First.End == p.Second.Start && p.First.Start < p.First.End);
    }

    [Fact]
    public void Layout_NoWordTimings_SplitsTimeInProportionToCharacters()
    {
        var cues = _layout.Layout(CaptionLines.Committed(1, LongSentence, 10, 30));

        int total = LongSentence.Length;
        int firstCueChars = string.Join(' ', cues[0].Lines).Length;
        double expected = 10 + (20.0 * firstCueChars / total);
        cues[0].End.TotalSeconds.Should().BeApproximately(expected, 0.2, "a space or two of rounding either way");
    }

    [Fact]
    public void Layout_WithWordTimings_CueEndsAtItsLastWordEnd()
    {
        var line = CaptionLines.WithWordTimings(1, LongSentence, 10, 30);

        var cues = _layout.Layout(line);

        cues.Should().HaveCount(3);
        for (int c = 0; c < cues.Count - 1; c++)
        {
            string lastWord = cues[c].Lines[^1].Split(' ')[^1];
            int wordIndex = cues.Take(c + 1).SelectMany(q => q.Lines).SelectMany(l => l.Split(' ')).Count() - 1;
            line.Words[wordIndex].Word.Should().Be(lastWord);
            cues[c].End.Should().Be(line.Words[wordIndex].End);
            cues[c + 1].Start.Should().Be(cues[c].End);
        }
    }

    [Fact]
    public void Layout_Bilingual_OneLineOfEachLanguagePerCue()
    {
        var line = CaptionLines.Committed(
            1,
            "where is the train station please, I need to catch the last train to the airport",
            0,
            6,
            translation: "dónde está la estación de tren por favor, necesito tomar el último tren al aeropuerto");

        var cues = _layout.Layout(line, includeTranslation: true);

        cues.Should().HaveCountGreaterThan(1);
        cues.Should().OnlyContain(c => c.Lines.Count == 1 && c.TranslationLines.Count == 1);
        cues.Should().OnlyContain(c => c.Lines[0].Length <= 42 && c.TranslationLines[0].Length <= 42);
        string.Join(' ', cues.Select(c => c.Lines[0])).Should().Be(line.Text);
        string.Join(' ', cues.Select(c => c.TranslationLines[0])).Should().Be(line.Translation);
    }

    [Fact]
    public void Layout_TranslationNotRequested_Ignored()
    {
        var cues = _layout.Layout(CaptionLines.Committed(1, "hello", 0, 1, translation: "hola"));

        cues.Single().TranslationLines.Should().BeEmpty();
    }
}
