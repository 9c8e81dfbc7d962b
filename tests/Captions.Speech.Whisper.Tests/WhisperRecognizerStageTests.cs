using System.Threading.Channels;
using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Engine.Pipeline;
using Captions.Engine.Speech;
using Captions.Engine.Stages;
using Captions.Engine.Timing;
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
        committed.Should().OnlyContain(l => l.StableWords == l.Words.Count, "every word of a committed version is settled");
        lines.Should().OnlyContain(l => l.StableWords <= l.Words.Count);
    }

    [Fact]
    public async Task RecognizerStage_PipelineCancelledDuringDecode_AbortsTheDecodeInsteadOfWaitingForIt()
    {
        using var decoder = new BlockingDecoder();
        using var recognizer = new WhisperStreamingRecognizer(decoder);
        var clock = new PipelineClock(TimeProvider.System);
        var output = new PipelineBuilder(clock).AddEdge<CaptionLine>(EdgeOptions.Messages("lines", capacity: 64));
        var input = Channel.CreateUnbounded<SpeechFrame>();
        var audio = Loud(2 * Second);
        for (var offset = 0; offset < audio.Length; offset += AudioFormat.FrameSamples)
        {
            var buffer = AudioFrame.RentBuffer();
            audio.AsSpan(offset, AudioFormat.FrameSamples).CopyTo(buffer);
            var frame = new AudioFrame(buffer, AudioFormat.FrameSamples, offset, default);
            input.Writer.TryWrite(offset == 0 ? SpeechFrame.Start(frame) : SpeechFrame.Continue(frame)).Should().BeTrue();
        }

        // The input stays open: only the token can end this stage.
        using var cancellation = new CancellationTokenSource();
        var stage = Task.Run(() => new RecognizerStage(recognizer, clock).RunAsync(input.Reader, output, cancellation.Token));
        (await Task.WhenAny(decoder.Entered.Task, Task.Delay(s_timeout))).Should().Be(decoder.Entered.Task, "the first step's decode starts");

        await cancellation.CancelAsync();

        Func<Task> run = () => stage.WaitAsync(s_timeout);
        await run.Should().ThrowAsync<OperationCanceledException>();
        decoder.SawCancellation.Should().BeTrue("the pipeline's token reaches the decoder, which aborts instead of running to its end");
    }

    /// <summary>A decode that runs until its token is cancelled (or a long guard passes), like a slow Whisper decode.</summary>
    private sealed class BlockingDecoder : IWhisperDecoder
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool SawCancellation { get; private set; }

        public WhisperDecodeResult Decode(ReadOnlySpan<float> audio, string? prompt, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            SawCancellation = cancellationToken.WaitHandle.WaitOne(s_timeout);
            cancellationToken.ThrowIfCancellationRequested();
            return new WhisperDecodeResult([], "en");
        }

        public void Dispose()
        {
        }
    }
}
