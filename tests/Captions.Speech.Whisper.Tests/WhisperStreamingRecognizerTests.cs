using Captions.TestKit.Speech;
using static Captions.Speech.Whisper.Tests.StreamingFeed;

namespace Captions.Speech.Whisper.Tests;

public sealed class WhisperStreamingRecognizerTests
{
    /// <summary>Every LocalAgreement commit closes a line, so tests see each commit as it happens.</summary>
    private static readonly WhisperStreamingOptions s_commitEveryAgreement = new() { MaxLineCharacters = 0 };

    [Fact]
    public void AcceptAudio_GrowingHypotheses_CommitsLongestCommonPrefixOfLastTwo()
    {
        var decoder = ScriptedWhisperDecoder.Sequence(
            ScriptedWhisperDecoder.Text("the"),
            ScriptedWhisperDecoder.Text("the cat"),
            ScriptedWhisperDecoder.Text("the cat sat"),
            ScriptedWhisperDecoder.Text("the cat sat on"));
        using var recognizer = new WhisperStreamingRecognizer(decoder, s_commitEveryAgreement);
        recognizer.StartUtterance(TimeSpan.FromSeconds(10));

        var results = Chunks(recognizer, Loud(4 * Second), Second);
        var final = recognizer.EndUtterance();

        decoder.Calls.Select(c => c.Duration).Should().Equal(Second, 2 * Second, 3 * Second, 4 * Second);
        results.Select(r => r!.Committed?.Text).Should().Equal(null, "the", "cat", "sat");
        results.Select(r => r!.Text).Should().Equal("the", "cat", "sat", "on");
        final.IsFinal.Should().BeTrue();
        final.Text.Should().Be("on", "the end of the utterance commits the unconfirmed rest");
        recognizer.CommittedText.Should().Be("the cat sat on");
        decoder.Calls.Should().HaveCount(4, "no new audio since the last decode: the end does not decode again");
    }

    [Fact]
    public void AcceptAudio_ConfirmedWordsOfAnOpenLine_AreCountedAsStableLeadingWords()
    {
        var decoder = ScriptedWhisperDecoder.Sequence(
            ScriptedWhisperDecoder.Text("the"),
            ScriptedWhisperDecoder.Text("the cat"),
            ScriptedWhisperDecoder.Text("the cat sat"),
            ScriptedWhisperDecoder.Text("the cat sat"));
        using var recognizer = new WhisperStreamingRecognizer(decoder);
        recognizer.StartUtterance(TimeSpan.Zero);

        var results = Chunks(recognizer, Loud(4 * Second), Second);

        results.Select(r => r?.Text).Should().Equal("the", "the cat", "the cat sat", "the cat sat");
        results.Select(r => r!.StableWords).Should().Equal(0, 1, 2, 3);
        results.Should().OnlyContain(r => r!.Committed == null, "no sentence end and a short line: the line stays open");
    }

    [Fact]
    public void AcceptAudio_WordTimes_AreStreamTimes()
    {
        var decoder = ScriptedWhisperDecoder.Sequence(ScriptedWhisperDecoder.Text("hello world"));
        using var recognizer = new WhisperStreamingRecognizer(decoder, s_commitEveryAgreement);
        recognizer.StartUtterance(TimeSpan.FromSeconds(10));

        var results = Chunks(recognizer, Loud(2 * Second), Second);

        var committed = results[1]!.Committed!;
        committed.Text.Should().Be("hello world");
        committed.Words.Select(w => w.Start).Should().Equal(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10.5));
        committed.Words[1].End.Should().Be(TimeSpan.FromSeconds(10.9));
    }

    [Fact]
    public void AcceptAudio_DisagreeingHypotheses_CommitOnlyAgreedPrefixAndNeverChangeIt()
    {
        var decoder = ScriptedWhisperDecoder.Sequence(
            ScriptedWhisperDecoder.Text("the cat"),
            ScriptedWhisperDecoder.Text("the hat sat"),
            ScriptedWhisperDecoder.Text("the hat sat down"),
            ScriptedWhisperDecoder.Text("the cap sat down here"));
        using var recognizer = new WhisperStreamingRecognizer(decoder);
        recognizer.StartUtterance(TimeSpan.Zero);
        var committedAfterStep = new List<string>();

        foreach (var chunk in Enumerable.Range(0, 4))
        {
            recognizer.AcceptAudio(Loud(Second));
            committedAfterStep.Add(recognizer.CommittedText);
        }

        committedAfterStep.Should().Equal("", "the", "the hat sat", "the hat sat down");
        for (var i = 1; i < committedAfterStep.Count; i++)
        {
            committedAfterStep[i].Should().StartWith(committedAfterStep[i - 1], "committed text never changes");
        }

        recognizer.EndUtterance().Text.Should().Be("the hat sat down here", "the final holds the whole line: committed words stay as they were");
    }

    [Fact]
    public void AcceptAudio_DecodeRepeatsCommittedTail_OverlapIsNotCommittedTwice()
    {
        // After trimming, whisper re-hears the last committed words with shifted times; the 1-5-word overlap goes.
        var decoder = ScriptedWhisperDecoder.Sequence(
            ScriptedWhisperDecoder.Result(ScriptedWhisperDecoder.Segment([("one", 0.0, 0.4), ("two", 0.5, 0.9)])),
            ScriptedWhisperDecoder.Result(ScriptedWhisperDecoder.Segment([("one", 0.0, 0.4), ("two", 0.5, 0.9), ("three", 1.0, 1.4)])),
            ScriptedWhisperDecoder.Result(ScriptedWhisperDecoder.Segment([("two", 0.85, 1.1), ("three", 1.2, 1.5), ("four", 1.6, 1.9)])),
            ScriptedWhisperDecoder.Result(ScriptedWhisperDecoder.Segment([("two", 0.85, 1.1), ("three", 1.2, 1.5), ("four", 1.6, 1.9), ("five", 2.0, 2.4)])));
        using var recognizer = new WhisperStreamingRecognizer(decoder);
        recognizer.StartUtterance(TimeSpan.Zero);

        Chunks(recognizer, Loud(4 * Second), Second);

        recognizer.CommittedText.Should().Be("one two three four");
    }

    [Fact]
    public void AcceptAudio_PartialText_IsConfirmedWordsThenUnconfirmedTail()
    {
        var decoder = ScriptedWhisperDecoder.Sequence(ScriptedWhisperDecoder.Text("a b"), ScriptedWhisperDecoder.Text("a b c d"));
        using var recognizer = new WhisperStreamingRecognizer(decoder);
        recognizer.StartUtterance(TimeSpan.Zero);

        var results = Chunks(recognizer, Loud(2 * Second), Second);

        results[1]!.Committed.Should().BeNull("no sentence end and the line is short: the confirmed words stay on the line");
        results[1]!.Text.Should().Be("a b c d");
        recognizer.CommittedText.Should().Be("a b");
    }

    [Fact]
    public void AcceptAudio_ConfirmedSentenceEnd_ClosesTheLineThere()
    {
        var decoder = ScriptedWhisperDecoder.Sequence(
            ScriptedWhisperDecoder.Text("Hello there. How"),
            ScriptedWhisperDecoder.Text("Hello there. How are"));
        using var recognizer = new WhisperStreamingRecognizer(decoder);
        recognizer.StartUtterance(TimeSpan.Zero);

        var results = Chunks(recognizer, Loud(2 * Second), Second);

        results[1]!.Committed!.Text.Should().Be("Hello there.");
        results[1]!.Text.Should().Be("How are", "the next line starts with the confirmed 'How' and the unconfirmed 'are'");
        results[1]!.Start.Should().Be(results[1]!.Committed!.End);
    }

    [Fact]
    public void AcceptAudio_BeforeMinBufferAndBetweenSteps_DoesNotDecode()
    {
        var decoder = ScriptedWhisperDecoder.Sequence(ScriptedWhisperDecoder.Text("x"));
        using var recognizer = new WhisperStreamingRecognizer(decoder, new WhisperStreamingOptions { MinBuffer = 2 * Second, Step = Second });
        recognizer.StartUtterance(TimeSpan.Zero);

        Chunks(recognizer, Loud(3.5 * Second), TimeSpan.FromMilliseconds(20));

        decoder.Calls.Select(c => c.Duration).Should().Equal(2 * Second, 3 * Second);
    }

    [Fact]
    public void StartUtterance_AfterCommittedUtterance_PromptCarriesCommittedText()
    {
        var decoder = ScriptedWhisperDecoder.Sequence(ScriptedWhisperDecoder.Text("hello world."));
        using var recognizer = new WhisperStreamingRecognizer(decoder);
        recognizer.StartUtterance(TimeSpan.Zero);
        Chunks(recognizer, Loud(2 * Second), Second);
        recognizer.EndUtterance();

        recognizer.StartUtterance(TimeSpan.FromSeconds(5));
        Chunks(recognizer, Loud(Second), Second);

        decoder.Calls.Select(c => c.Prompt).Should().Equal(null, null, "hello world.");
    }

    [Fact]
    public void Prompt_LongHistory_KeepsAbout200CharactersOfTheNewestCommittedWords()
    {
        var words = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i:00}"));
        var decoder = ScriptedWhisperDecoder.Sequence(ScriptedWhisperDecoder.Text(words));
        using var recognizer = new WhisperStreamingRecognizer(decoder);
        recognizer.StartUtterance(TimeSpan.Zero);
        Chunks(recognizer, Loud(2 * Second), Second);
        recognizer.EndUtterance();

        recognizer.StartUtterance(TimeSpan.FromSeconds(60));
        Chunks(recognizer, Loud(Second), Second);

        var prompt = decoder.Calls[^1].Prompt!;
        prompt.Should().EndWith("word98 word99");
        prompt.Length.Should().BeInRange(200, 207, "whole words up to the first that reaches 200 characters (whisper_streaming)");
    }

    [Fact]
    public void AcceptAudio_OutsideUtterance_Throws()
    {
        using var recognizer = new WhisperStreamingRecognizer(ScriptedWhisperDecoder.Sequence(ScriptedWhisperDecoder.Text("x")));

        recognizer.Invoking(r => r.AcceptAudio(new float[320])).Should().Throw<InvalidOperationException>();
        recognizer.Invoking(r => r.EndUtterance()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Dispose_DisposesTheDecoder()
    {
        var decoder = ScriptedWhisperDecoder.Sequence(ScriptedWhisperDecoder.Text("x"));
        var recognizer = new WhisperStreamingRecognizer(decoder);

        recognizer.Dispose();

        decoder.Disposed.Should().BeTrue();
        recognizer.Name.Should().Be("whisper");
    }

    [Fact]
    public void Constructor_MaxBufferBeyondWhisperWindow_Throws()
    {
        var options = new WhisperStreamingOptions { MaxBuffer = TimeSpan.FromSeconds(28) };

        var act = () => new WhisperStreamingRecognizer(ScriptedWhisperDecoder.Sequence(ScriptedWhisperDecoder.Text("x")), options);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxBuffer");
    }
}
