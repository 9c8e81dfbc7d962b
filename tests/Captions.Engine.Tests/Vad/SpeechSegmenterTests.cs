using Captions.Engine.Vad;
using Captions.TestKit.Diagnostics;

namespace Captions.Engine.Tests.Vad;

public sealed class SpeechSegmenterTests
{
    // 20 ms frames: MinSpeech 100 ms = 5 frames, Hangover 300 ms = 15, PreRoll 200 ms = 10, MaxUtterance 15 s = 750.
    private static readonly SpeechSegmenterOptions s_defaults = new();

    [Fact]
    public void Constructor_Defaults_ConvertDurationsToFrames()
    {
        var segmenter = new SpeechSegmenter(s_defaults);

        segmenter.MinSpeechFrames.Should().Be(5);
        segmenter.HangoverFrames.Should().Be(15);
        segmenter.PreRollPaddingFrames.Should().Be(10);
        segmenter.MaxUtteranceFrames.Should().Be(750);
        segmenter.MaxPreRollFrames.Should().Be(14);
    }

    [Fact]
    public void Push_SpeechAfterLongSilence_StartsWithConfirmingFramesPlusPadding()
    {
        var recorder = new UtteranceRecorder(new SpeechSegmenter(s_defaults));
        Feed(recorder, 0f, 100);

        var events = Feed(recorder, 1f, 5);

        events.Take(4).Should().OnlyContain(e => e.Kind == SegmenterEventKind.None);
        events[4].Kind.Should().Be(SegmenterEventKind.SpeechStarted);
        events[4].PreRollFrames.Should().Be(4 + 10, "4 confirming frames before this one + 10 frames of padding");
    }

    [Fact]
    public void Push_SpeechAtStreamStart_PreRollLimitedToFramesSeen()
    {
        var recorder = new UtteranceRecorder(new SpeechSegmenter(s_defaults));
        Feed(recorder, 0f, 3);

        var events = Feed(recorder, 1f, 5);

        events[4].PreRollFrames.Should().Be(4 + 3);
    }

    [Fact]
    public void Push_ProbabilityBetweenThresholds_KeepsSpeechOpen()
    {
        var recorder = new UtteranceRecorder(new SpeechSegmenter(s_defaults));
        Feed(recorder, 1f, 10);

        // 0.5 is below enter (0.6) but above exit (0.35): hysteresis keeps the utterance going.
        var events = Feed(recorder, 0.5f, 200);

        events.Should().OnlyContain(e => e.Kind == SegmenterEventKind.SpeechContinues);
    }

    [Fact]
    public void Push_WeakFramesAfterSilence_NeverStartSpeech()
    {
        var recorder = new UtteranceRecorder(new SpeechSegmenter(s_defaults));

        var events = Feed(recorder, 0.5f, 200);

        events.Should().OnlyContain(e => e.Kind == SegmenterEventKind.None);
    }

    [Fact]
    public void Push_SilenceAfterSpeech_EndsAfterHangoverWithTrailingCount()
    {
        var recorder = new UtteranceRecorder(new SpeechSegmenter(s_defaults));
        Feed(recorder, 0f, 20);
        Feed(recorder, 1f, 30);

        var events = Feed(recorder, 0f, 20);

        events.Take(14).Should().OnlyContain(e => e.Kind == SegmenterEventKind.SpeechContinues);
        events[14].Should().Be(SegmenterEvent.Ended(15, SpeechEndReason.Silence));
        events.Skip(15).Should().OnlyContain(e => e.Kind == SegmenterEventKind.None);
        recorder.Utterances.Should().ContainSingle().Which.Should().Be(new RecordedUtterance(10, 20, 65, 15, SpeechEndReason.Silence));
        recorder.Utterances[0].SpeechEndFrame.Should().Be(50);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Push_BurstShorterThanMinSpeech_IsRejected(int burstFrames)
    {
        var recorder = new UtteranceRecorder(new SpeechSegmenter(s_defaults));
        for (int i = 0; i < 20; i++)
        {
            Feed(recorder, 0f, 25);
            Feed(recorder, 1f, burstFrames);
        }

        recorder.Complete();
        recorder.Utterances.Should().BeEmpty();
    }

    [Fact]
    public void Push_GapShorterThanHangover_BridgedIntoOneUtterance()
    {
        var recorder = new UtteranceRecorder(new SpeechSegmenter(s_defaults));
        Feed(recorder, 1f, 30);
        Feed(recorder, 0f, 14);
        Feed(recorder, 1f, 30);
        Feed(recorder, 0f, 40);

        recorder.Utterances.Should().ContainSingle().Which.SpeechEndFrame.Should().Be(74);
    }

    [Fact]
    public void Push_NewSpeechSoonAfterEnd_PreRollNeverReachesIntoPreviousUtterance()
    {
        var recorder = new UtteranceRecorder(new SpeechSegmenter(s_defaults));
        Feed(recorder, 1f, 30);
        Feed(recorder, 0f, 15); // ends exactly at the last of these frames (frame 44)

        var events = Feed(recorder, 1f, 5);

        recorder.Utterances.Should().ContainSingle().Which.EndFrame.Should().Be(45);
        events[4].PreRollFrames.Should().Be(4, "only the confirming frames: no free frame lies between the utterances");
    }

    [Fact]
    public void Push_ContinuousSpeech_ForcedEndAtMaxLengthThenResumesWithoutLoss()
    {
        var recorder = new UtteranceRecorder(new SpeechSegmenter(s_defaults));
        Feed(recorder, 0f, 50);
        Feed(recorder, 1f, 2000); // 40 s of uninterrupted speech
        Feed(recorder, 0f, 50);

        var utterances = recorder.Utterances;
        utterances.Should().HaveCount(3);
        utterances.Should().OnlyContain(u => u.Length <= 750);
        utterances[0].Reason.Should().Be(SpeechEndReason.MaxLength);
        utterances[0].Length.Should().Be(750);
        utterances[1].StartFrame.Should().Be(utterances[0].EndFrame, "the next utterance resumes on the very next frame");
        utterances[2].StartFrame.Should().Be(utterances[1].EndFrame);
        utterances[2].Reason.Should().Be(SpeechEndReason.Silence);
        utterances[2].SpeechEndFrame.Should().Be(2050);
    }

    [Fact]
    public void Push_RandomProbabilities_EveryFrameInAtMostOneContiguousBoundedUtterance()
    {
        var random = new Random(42);
        var options = s_defaults with { MaxUtterance = TimeSpan.FromSeconds(2) };
        var recorder = new UtteranceRecorder(new SpeechSegmenter(options));
        for (int i = 0; i < 5_000; i++)
        {
            // Runs of similar probability, like a real detector's output.
            float level = (float)random.NextDouble();
            Feed(recorder, level, random.Next(1, 40));
        }

        recorder.Complete();

        recorder.Utterances.Should().NotBeEmpty();
        recorder.Utterances.Should().OnlyContain(u => u.Length > 0 && u.Length <= 100);
        recorder.Utterances.Zip(recorder.Utterances.Skip(1)).Should().OnlyContain(p => p.First.EndFrame <= p.Second.StartFrame);
    }

    [Fact]
    public void Reset_InSpeech_ForgetsUtterance()
    {
        var segmenter = new SpeechSegmenter(s_defaults);
        for (int i = 0; i < 10; i++)
        {
            segmenter.Push(1f);
        }

        segmenter.Reset();

        segmenter.IsInSpeech.Should().BeFalse();
        segmenter.Push(1f).Kind.Should().Be(SegmenterEventKind.None);
    }

    [Fact]
    public void Constructor_ExitAboveEnter_Throws()
    {
        var act = () => new SpeechSegmenter(s_defaults with { EnterThreshold = 0.5f, ExitThreshold = 0.6f });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ExitThreshold*");
    }

    [Fact]
    public void Constructor_MaxUtteranceShorterThanPreRoll_Throws()
    {
        var act = () => new SpeechSegmenter(s_defaults with { MaxUtterance = TimeSpan.FromMilliseconds(200) });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaxUtterance*");
    }

    [Fact]
    public void Push_SteadyState_AllocatesNothing()
    {
        var segmenter = new SpeechSegmenter(s_defaults);
        var random = new Random(7);
        var probabilities = Enumerable.Range(0, 4096).Select(_ => (float)random.NextDouble()).ToArray();
        int speechFrames = PushAll(segmenter, probabilities);

        long allocated = AllocationProbe.SteadyStateBytes(() => speechFrames += PushAll(segmenter, probabilities), iterations: 1);

        allocated.Should().Be(0);
        speechFrames.Should().BePositive("the probe must exercise speech transitions, not only silence");
    }

    private static int PushAll(SpeechSegmenter segmenter, float[] probabilities)
    {
        int speech = 0;
        foreach (float p in probabilities)
        {
            speech += segmenter.Push(p).IsSpeechFrame ? 1 : 0;
        }

        return speech;
    }

    private static List<SegmenterEvent> Feed(UtteranceRecorder recorder, float probability, int frames)
    {
        var events = new List<SegmenterEvent>(frames);
        for (int i = 0; i < frames; i++)
        {
            events.Add(recorder.Push(probability));
        }

        return events;
    }
}
