using Captions.Engine.Captioning;
using Captions.TestKit.Speech;
using static Captions.Speech.Whisper.Tests.StreamingFeed;

namespace Captions.Speech.Whisper.Tests;

public sealed class WhisperRecognizerStageTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RecognizerStage_MidUtteranceCommits_EachLinePartialThenCommittedWithNewIds()
    {
        var decoder = ScriptedWhisperDecoder.Sequence(
            ScriptedWhisperDecoder.Text("Hello there. How"),
            ScriptedWhisperDecoder.Text("Hello there. How are you? I"),
            ScriptedWhisperDecoder.Text("Hello there. How are you? I am fine"));
        using var recognizer = new WhisperStreamingRecognizer(decoder);

        var lines = await RecognizerStageRunner.RunAsync(recognizer, [(TimeSpan.FromSeconds(2), Loud(3 * Second))]).WaitAsync(s_timeout);

        RecognizerStageRunner.ShouldKeepLineContract(lines);
        var committed = lines.Where(l => l.State == CaptionState.Committed).ToList();
        committed.Select(l => l.Text).Should().Equal("Hello there.", "How are you?", "I am fine");
        committed.Select(l => l.Id).Should().Equal(1L, 2L, 3L);
        lines.Where(l => l.Id == 1).Select(l => (l.State, l.Text)).Should().Equal(
            (CaptionState.Partial, "Hello there. How"),
            (CaptionState.Committed, "Hello there."));
        lines.Where(l => l.Id == 2).First().Should().Match<CaptionLine>(l => l.State == CaptionState.Partial && l.Text == "How are you? I");
        committed[0].Start.Should().Be(TimeSpan.FromSeconds(2));
        committed[1].Start.Should().Be(TimeSpan.FromSeconds(3), "a line starts at its first word: 'How' at 1.0 s into the buffer");
        committed[0].End.Should().Be(TimeSpan.FromSeconds(2.9));
        lines.Should().OnlyContain(l => l.Recognizer == "whisper");
    }
}
