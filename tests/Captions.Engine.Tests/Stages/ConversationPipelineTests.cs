using System.IO.Pipelines;
using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Engine.Pipeline;
using Captions.Engine.Stages;
using Captions.Engine.Timing;
using Captions.Engine.Vad;
using Captions.TestKit.Audio;
using Captions.TestKit.Output;
using Captions.TestKit.Speech;

namespace Captions.Engine.Tests.Stages;

public sealed class ConversationPipelineTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("captions-conv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Quiet noise with loud noise bursts at the given (start, length) seconds, at any rate and channel count.</summary>
    private static float[] Bursts(int rate, int channels, double seconds, params (double Start, double Length)[] bursts)
    {
        var frames = (int)(rate * seconds);
        var mono = TestSignal.Noise(frames, seed: 7, amplitude: 0.002);
        var loud = TestSignal.Noise(frames, seed: 9, amplitude: 0.3);
        foreach (var (start, length) in bursts)
        {
            for (var i = (int)(start * rate); i < (int)((start + length) * rate); i++)
            {
                mono[i] = loud[i];
            }
        }

        return channels == 1 ? mono : TestSignal.Interleave([.. Enumerable.Repeat(mono, channels)]);
    }

    private string WriteWav(float[] interleaved, int rate, int channels)
    {
        var path = Path.Combine(_dir, $"input-{rate}-{channels}.wav");
        return WavFixture.Write(path, interleaved, rate, channels, WavSampleFormat.Pcm16);
    }

    private static ConversationOptions Options(IAudioSource source, CountingRecognizer recognizer, RecordingSink sink, PipelineClock clock) => new()
    {
        Source = source,
        Detector = new EnergyVoiceActivityDetector(),
        Recognizer = recognizer,
        Sinks = [sink],
        Clock = clock,
    };

    [Fact]
    public async Task Run_TwoSpeechBurstsIn48kStereo_TwoLinesEachPartialThenOneCommit()
    {
        var path = WriteWav(Bursts(48_000, 2, 5.0, (1.0, 1.5), (3.2, 1.0)), 48_000, 2);
        var clock = new PipelineClock(TimeProvider.System);
        await using var source = new WavFileSource(path, AudioPacing.Fast, clock);
        using var recognizer = new CountingRecognizer();
        var sink = new RecordingSink();

        var result = await ConversationPipeline.RunAsync(Options(source, recognizer, sink, clock), CancellationToken.None).WaitAsync(s_timeout);

        result.Utterances.Should().Be(2);
        result.AudioDuration.Should().BeCloseTo(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20));
        result.Pipeline.TotalDropped.Should().Be(0);
        var lines = sink.Lines;
        lines.Select(l => l.Id).Distinct().Should().Equal(1L, 2L);
        foreach (var group in lines.GroupBy(l => l.Id))
        {
            var versions = group.ToList();
            versions.Select(v => v.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            versions.Should().ContainSingle(v => v.IsCommitted);
            versions[^1].IsCommitted.Should().BeTrue("a line ends with its one committed version");
            versions.Take(versions.Count - 1).Should().OnlyContain(v => v.State == CaptionState.Partial);
            versions[^1].Text.Should().StartWith(versions[^2].Text, "committed text extends what was shown");
        }

        var committed = sink.Committed;
        committed[0].Start.Should().BeCloseTo(TimeSpan.FromSeconds(1.0), TimeSpan.FromMilliseconds(250), "pre-roll reaches back at most 200 ms");
        committed[0].End.Should().BeCloseTo(TimeSpan.FromSeconds(2.5), TimeSpan.FromMilliseconds(400), "hangover adds at most 300 ms");
        committed[1].Start.Should().BeCloseTo(TimeSpan.FromSeconds(3.2), TimeSpan.FromMilliseconds(250));
        lines.Should().OnlyContain(l => l.Stamps.Captured != 0 && l.Stamps.Captured <= l.Stamps.Vad && l.Stamps.Vad <= l.Stamps.Asr);
        sink.Completed.Should().BeTrue();
        sink.Disposed.Should().BeTrue();
        recognizer.InUtterance.Should().BeFalse();
    }

    [Fact]
    public async Task Run_SilenceOnly_NoCaptionsAndRecognizerNeverCalled()
    {
        var path = WriteWav(Bursts(16_000, 1, 3.0), 16_000, 1);
        var clock = new PipelineClock(TimeProvider.System);
        await using var source = new WavFileSource(path, AudioPacing.Fast, clock);
        using var recognizer = new CountingRecognizer();
        var sink = new RecordingSink();

        var result = await ConversationPipeline.RunAsync(Options(source, recognizer, sink, clock), CancellationToken.None).WaitAsync(s_timeout);

        result.Utterances.Should().Be(0);
        sink.Lines.Should().BeEmpty();
        recognizer.Calls.Should().BeEmpty("silence never reaches the recogniser");
        sink.Completed.Should().BeTrue();
    }

    [Fact]
    public async Task Run_StoppedMidUtterance_CommitsWhatWasHeardAndClosesOutputs()
    {
        var pipe = new Pipe();
        var clock = new PipelineClock(TimeProvider.System);
        await using var source = new PcmStreamSource(pipe.Reader.AsStream(), "stdin", 16_000, 1, clock, isLive: false);
        using var recognizer = new CountingRecognizer();
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();
        var run = ConversationPipeline.RunAsync(Options(source, recognizer, sink, clock), stop.Token);

        // 0.5 s quiet, then speech that never ends: the stream stays open like a live talker mid-sentence.
        var audio = Bursts(16_000, 1, 2.0, (0.5, 1.5));
        var bytes = new byte[audio.Length * 2];
        for (var i = 0; i < audio.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 2), (short)(audio[i] * short.MaxValue));
        }

        await pipe.Writer.WriteAsync(bytes);
        await WaitUntilAsync(() => sink.Lines.Any(l => l.State == CaptionState.Partial));
        stop.Cancel();
        var result = await run.WaitAsync(s_timeout);

        result.Pipeline.Stopped.Should().BeTrue();
        result.Pipeline.DrainTimedOut.Should().BeFalse();
        sink.Committed.Should().ContainSingle().Which.Text.Should().NotBeEmpty();
        sink.Lines[^1].IsCommitted.Should().BeTrue();
        sink.Completed.Should().BeTrue();
        await pipe.Writer.CompleteAsync();
    }

    [Fact]
    public async Task Run_StreamTruncatedMidFile_FaultNamesInputAndOutputsStillClosed()
    {
        // A WAV on a pipe (not seekable) whose header promises 4 s but that carries only 2 s.
        var audio = Bursts(16_000, 1, 2.0, (0.5, 1.0));
        var bytes = WavFixture.Build(audio, 16_000, 1, WavSampleFormat.Pcm16, new WavFixtureOptions { DataSizeOverride = 4 * 16_000 * 2 });
        var clock = new PipelineClock(TimeProvider.System);
        using var recognizer = new CountingRecognizer();
        var sink = new RecordingSink();
        var reader = WavReader.Open(new TrickleStream(bytes, maxRead: 4096), "piped.wav");
        await using var source = new WavFileSource(reader, AudioPacing.Fast, clock);

        var act = () => ConversationPipeline.RunAsync(Options(source, recognizer, sink, clock), CancellationToken.None).WaitAsync(s_timeout);

        var fault = (await act.Should().ThrowAsync<PipelineFaultedException>()).Which;
        fault.Stage.Should().Be("capture");
        fault.InnerException.Should().BeOfType<AudioFormatException>().Which.Message.Should().Contain("piped.wav");
        sink.Committed.Should().ContainSingle("the utterance heard before the cut is committed, not lost");
        sink.Completed.Should().BeTrue();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should have become true");
            await Task.Delay(5);
        }
    }
}
