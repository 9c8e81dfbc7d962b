using Captions.Engine.Audio;
using Captions.TestKit.Speech;
using static Captions.Speech.Whisper.Tests.StreamingFeed;

namespace Captions.Speech.Whisper.Tests;

public sealed class WhisperGuardsTests
{
    /// <summary>Runs two identical decodes (so LocalAgreement commits everything) and the end; returns all text shown as committed.</summary>
    private static string FinalText(WhisperDecodeResult result, float[]? audio = null)
    {
        using var recognizer = new WhisperStreamingRecognizer(ScriptedWhisperDecoder.Sequence(result));
        recognizer.StartUtterance(TimeSpan.Zero);
        var lines = Chunks(recognizer, audio ?? Loud(2 * Second), Second).Select(h => h?.Committed?.Text).OfType<string>().ToList();
        lines.Add(recognizer.EndUtterance().Text);
        return string.Join(' ', lines.Where(l => l.Length > 0));
    }

    private static WhisperDecodeResult Words(string text, float noSpeech = 0.01f, float logProb = -0.2f) =>
        ScriptedWhisperDecoder.Result(ScriptedWhisperDecoder.Segment(
            text.Split(' ').Select((w, i) => (w, i * 0.1, (i * 0.1) + 0.08)).ToArray(), noSpeech, logProb));

    [Fact]
    public void Decode_HighNoSpeechAndLowLogProb_SegmentDropped()
    {
        FinalText(Words("hello there", noSpeech: 0.9f, logProb: -1.5f)).Should().BeEmpty();
    }

    [Fact]
    public void Decode_HighNoSpeechButConfident_SegmentKeptAsWhisperDoes()
    {
        FinalText(Words("hello there", noSpeech: 0.9f, logProb: -0.3f)).Should().Be("hello there");
    }

    [Fact]
    public void Decode_LogProbBelowFloor_SegmentDropped()
    {
        FinalText(Words("hello there", noSpeech: 0.0f, logProb: -2.5f)).Should().BeEmpty();
    }

    [Fact]
    public void Decode_OnlyTheBadSegment_IsDropped()
    {
        var result = ScriptedWhisperDecoder.Result(
            ScriptedWhisperDecoder.Segment([("good", 0.0, 0.4)]),
            ScriptedWhisperDecoder.Segment([("junk", 0.5, 0.9)], noSpeechProbability: 0.95f, averageLogProbability: -1.2f));

        FinalText(result).Should().Be("good");
    }

    [Theory]
    [InlineData("I think I think I think I think so", "I think")]
    [InlineData("the the the the cat", "the")]
    [InlineData("yes. Yes, yes! yes we can", "yes.")]
    public void Decode_RepetitionLoop_CutAtTheFirstRepeat(string decoded, string expected)
    {
        FinalText(Words(decoded)).Should().Be(expected);
    }

    [Theory]
    [InlineData("the the cat sat")]
    [InlineData("I think I think so")]
    [InlineData("no no no")]
    public void Decode_RepeatsBelowTheLimits_Kept(string decoded)
    {
        FinalText(Words(decoded)).Should().Be(decoded);
    }

    [Fact]
    public void Decode_PunctuationOnlyTokens_GiveNoText()
    {
        FinalText(Words("... - ?")).Should().BeEmpty();
    }

    [Fact]
    public void Decode_ThankYouOnSilentAudio_Dropped()
    {
        var silence = new float[AudioFormat.TimeToSamples(2 * Second)];

        FinalText(Words("Thank you."), silence).Should().BeEmpty();
    }

    [Fact]
    public void Decode_ThankYouWithHighNoSpeech_Dropped()
    {
        FinalText(Words("Thank you.", noSpeech: 0.5f)).Should().BeEmpty();
    }

    [Fact]
    public void Decode_ThankYouSpokenAloud_Kept()
    {
        FinalText(Words("Thank you.", noSpeech: 0.05f)).Should().Be("Thank you.");
    }

    [Fact]
    public void Decode_ThankYouInsideASentence_NotTreatedAsHallucination()
    {
        var silence = new float[AudioFormat.TimeToSamples(2 * Second)];

        FinalText(Words("Thank you for coming"), silence).Should().Be("Thank you for coming");
    }
}
