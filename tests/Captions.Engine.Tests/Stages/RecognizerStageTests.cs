using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.TestKit.Audio;
using Captions.TestKit.Speech;

namespace Captions.Engine.Tests.Stages;

public sealed class RecognizerStageTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private static float[] Speech(double seconds) => TestSignal.Noise((int)(AudioFormat.SampleRate * seconds), seed: 5, amplitude: 0.2);

    [Fact]
    public async Task Run_RecognizerCommitsMidUtterance_EachCommitClosesALineAndTheRestOpensTheNext()
    {
        // 4 words per second; commits every 3 words: 10 words in 2.5 s -> lines w1-w3, w4-w6, w7-w9, then w10 at the end.
        using var recognizer = new CountingRecognizer { CommitEveryWords = 3 };

        var lines = await RecognizerStageRunner.RunAsync(recognizer, [(TimeSpan.FromSeconds(1), Speech(2.5))]).WaitAsync(s_timeout);

        RecognizerStageRunner.ShouldKeepLineContract(lines);
        var committed = lines.Where(l => l.IsCommitted).ToList();
        committed.Select(l => l.Text).Should().Equal("w1 w2 w3", "w4 w5 w6", "w7 w8 w9", "w10");
        committed.Select(l => l.Id).Should().Equal(1L, 2L, 3L, 4L);
        lines.Where(l => l.Id == 1).Select(l => l.Text).Should().Equal("w1", "w1 w2", "w1 w2 w3");
        lines.Where(l => l.Id == 2).Select(l => l.Text).Should().Equal("w4", "w4 w5", "w4 w5 w6");
        committed[1].Start.Should().Be(TimeSpan.FromSeconds(1.75), "the second line starts at its first word, w4");
        recognizer.Calls.Should().Equal("start@1000", "end after 40000 samples");
    }

    [Fact]
    public async Task Run_CommitOnTheLastWord_NoEmptyTrailingLine()
    {
        // 8 words in 2 s, commits every 4: both lines closed mid-utterance, the end adds nothing.
        using var recognizer = new CountingRecognizer { CommitEveryWords = 4 };

        var lines = await RecognizerStageRunner.RunAsync(recognizer, [(TimeSpan.Zero, Speech(2.0))]).WaitAsync(s_timeout);

        RecognizerStageRunner.ShouldKeepLineContract(lines);
        lines.Where(l => l.IsCommitted).Select(l => l.Text).Should().Equal("w1 w2 w3 w4", "w5 w6 w7 w8");
        lines.Select(l => l.Id).Distinct().Should().Equal(1L, 2L);
    }

    [Fact]
    public async Task Run_TwoUtterancesWithoutMidCommits_OneLineEach()
    {
        using var recognizer = new CountingRecognizer();

        var lines = await RecognizerStageRunner.RunAsync(recognizer, [(TimeSpan.Zero, Speech(1.0)), (TimeSpan.FromSeconds(3), Speech(0.5))]).WaitAsync(s_timeout);

        RecognizerStageRunner.ShouldKeepLineContract(lines);
        lines.Where(l => l.IsCommitted).Select(l => (l.Id, l.Text)).Should().Equal((1L, "w1 w2 w3 w4"), (2L, "w1 w2"));
    }
}
