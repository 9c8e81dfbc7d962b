using Captions.Engine.Audio;
using Captions.Engine.Vad;
using Captions.TestKit.Diagnostics;

namespace Captions.Engine.Tests.Vad;

public sealed class EnergyVoiceActivityDetectorTests
{
    private const int Frame = AudioFormat.FrameSamples;

    // Pre-roll 0 here, so an utterance's first frame is the first confirming frame: onsets are checked exactly.
    private static readonly SpeechSegmenterOptions s_noPadding = new() { PreRoll = TimeSpan.Zero };

    [Fact]
    public void LevelDb_FullScaleSine_IsMinus3Dbfs()
    {
        var sine = new TestSignals().Tone(10, -3.01f).ToArray();

        EnergyVoiceActivityDetector.LevelDb(sine.AsSpan(0, Frame)).Should().BeApproximately(-3.01f, 0.1f);
    }

    [Fact]
    public void Process_DigitalSilenceAndDcOffset_NeverSpeech()
    {
        var detector = new EnergyVoiceActivityDetector();
        var samples = new TestSignals().Constant(200, 0f).Constant(200, 0.25f).Constant(200, 0f).ToArray();

        var probabilities = ProcessAll(detector, samples);

        probabilities.Should().OnlyContain(p => p == 0f);
    }

    [Fact]
    public void Process_QuietNoiseOnly_NoSpeech()
    {
        var samples = new TestSignals().Noise(1000, -50f).ToArray();

        var utterances = UtteranceRecorder.Run(new EnergyVoiceActivityDetector(), new SpeechSegmenter(), samples);

        utterances.Should().BeEmpty();
    }

    [Fact]
    public void Process_NoiseBelowAbsoluteFloor_NeverSpeechEvenWhenItJumps()
    {
        // -90 dBFS hiss stepping to -65 dBFS: 25 dB above the floor, but below the -60 dBFS absolute floor.
        var samples = new TestSignals().Noise(200, -90f).Noise(200, -65f).ToArray();

        var probabilities = ProcessAll(new EnergyVoiceActivityDetector(), samples);

        probabilities.Should().OnlyContain(p => p == 0f);
    }

    [Theory]
    [InlineData("tone")]
    [InlineData("noise")]
    public void Process_BurstInQuietNoise_DetectedWithOnsetAndOffsetWithinOneFrame(string kind)
    {
        // 1 s of -50 dBFS noise, a 0.8 s burst at -20 dBFS (frames 50..89), 1 s of noise.
        var signals = new TestSignals().Noise(50, -50f);
        signals = kind == "tone" ? signals.Tone(40, -20f, noiseDbfs: -50f) : signals.Noise(40, -20f);
        var samples = signals.Noise(50, -50f).ToArray();

        var utterances = UtteranceRecorder.Run(new EnergyVoiceActivityDetector(), new SpeechSegmenter(s_noPadding), samples);

        var utterance = utterances.Should().ContainSingle().Subject;
        utterance.StartFrame.Should().BeInRange(49, 51);
        utterance.SpeechEndFrame.Should().BeInRange(89, 91);
        utterance.Reason.Should().Be(SpeechEndReason.Silence);
    }

    [Fact]
    public void Process_BurstWithPreRoll_UtteranceStartsPaddingBeforeOnset()
    {
        var samples = new TestSignals().Noise(50, -50f).Tone(40, -20f, noiseDbfs: -50f).Noise(50, -50f).ToArray();

        var utterances = UtteranceRecorder.Run(new EnergyVoiceActivityDetector(), new SpeechSegmenter(), samples);

        utterances.Should().ContainSingle().Which.StartFrame.Should().BeInRange(39, 41, "200 ms = 10 frames of pre-roll");
    }

    [Fact]
    public void Process_BurstsSplitByShortGap_HangoverBridgesThem()
    {
        // Gap of 200 ms (< 300 ms hangover) bridges; gap of 600 ms splits.
        var samples = new TestSignals()
            .Noise(50, -50f).Tone(25, -20f, noiseDbfs: -50f)
            .Noise(10, -50f).Tone(25, -20f, noiseDbfs: -50f)
            .Noise(30, -50f).Tone(25, -20f, noiseDbfs: -50f)
            .Noise(50, -50f).ToArray();

        var utterances = UtteranceRecorder.Run(new EnergyVoiceActivityDetector(), new SpeechSegmenter(s_noPadding), samples);

        utterances.Should().HaveCount(2);
        utterances[0].StartFrame.Should().BeInRange(49, 51);
        utterances[0].SpeechEndFrame.Should().BeInRange(109, 111);
        utterances[1].StartFrame.Should().BeInRange(139, 141);
    }

    [Fact]
    public void Process_ClicksInQuietNoise_RejectedByMinSpeech()
    {
        var signals = new TestSignals().Noise(50, -50f);
        for (int i = 0; i < 10; i++)
        {
            signals.Tone(2, -10f, hz: 3000f).Noise(25, -50f); // 40 ms clicks, 0.5 s apart
        }

        var utterances = UtteranceRecorder.Run(new EnergyVoiceActivityDetector(), new SpeechSegmenter(), signals.ToArray());

        utterances.Should().BeEmpty();
    }

    [Fact]
    public void Process_SyllableLikeSpeechFor20Seconds_ForcedEndAt15SecondsThenResumes()
    {
        // 4 syllables a second (200 ms voiced, 50 ms dip to the noise bed), as connected speech has.
        var signals = new TestSignals().Noise(50, -50f);
        for (int i = 0; i < 80; i++)
        {
            signals.Tone(10, -20f, noiseDbfs: -50f).Noise(3, -50f);
        }

        var samples = signals.Noise(50, -50f).ToArray();

        var utterances = UtteranceRecorder.Run(new EnergyVoiceActivityDetector(), new SpeechSegmenter(), samples);

        utterances.Should().HaveCount(2);
        utterances[0].Reason.Should().Be(SpeechEndReason.MaxLength);
        utterances[0].Length.Should().Be(750);
        utterances[1].StartFrame.Should().Be(utterances[0].EndFrame);
        utterances[1].SpeechEndFrame.Should().BeInRange(50 + 1040 - 4, 50 + 1040 + 1);
    }

    [Fact]
    public void Process_BackgroundGetsLouder_FloorAdaptsAndSpeechEnds()
    {
        // Quiet room (-60 dBFS) for 2 s, then a 30 dB louder background (fan, traffic) for 10 s.
        var samples = new TestSignals().Noise(100, -60f).Noise(500, -30f).ToArray();
        var detector = new EnergyVoiceActivityDetector();

        var utterances = UtteranceRecorder.Run(detector, new SpeechSegmenter(), samples);

        // The step is new energy, so it opens one utterance; the floor learns it within the 1.5 s window (+ 1/8
        // window granularity) and the hangover ends it: well before 2.5 s after the step.
        var utterance = utterances.Should().ContainSingle().Subject;
        utterance.SpeechEndFrame.Should().BeLessThan(100 + 125);
        utterance.EndFrame.Should().BeLessThan(100 + 125 + 15);
        detector.NoiseFloorDb.Should().BeInRange(-34f, -30f);
    }

    [Fact]
    public void Process_SpeechAfterBackgroundGotLouder_StillDetected()
    {
        var samples = new TestSignals().Noise(100, -60f).Noise(300, -35f).Tone(40, -10f, noiseDbfs: -35f).Noise(60, -35f).ToArray();

        var utterances = UtteranceRecorder.Run(new EnergyVoiceActivityDetector(), new SpeechSegmenter(s_noPadding), samples);

        utterances.Should().HaveCount(2, "one for the background step, one for the tone");
        utterances[1].StartFrame.Should().BeInRange(399, 401);
        utterances[1].SpeechEndFrame.Should().BeInRange(439, 441);
    }

    [Fact]
    public void Reset_AfterLoudBackground_FloorStartsOver()
    {
        var detector = new EnergyVoiceActivityDetector();
        ProcessAll(detector, new TestSignals().Noise(200, -20f).ToArray());

        detector.Reset();

        detector.NoiseFloorDb.Should().Be(-60f);
    }

    [Fact]
    public void Process_SteadyState_AllocatesNothing()
    {
        var detector = new EnergyVoiceActivityDetector();
        var segmenter = new SpeechSegmenter();
        var samples = new TestSignals().Noise(100, -50f).Tone(50, -20f, noiseDbfs: -50f).Noise(100, -50f).ToArray();
        int speech = Run(detector, segmenter, samples);

        long allocated = AllocationProbe.SteadyStateBytes(() => speech += Run(detector, segmenter, samples), iterations: 4);

        allocated.Should().Be(0);
        speech.Should().BePositive("the probe must cover speech frames too");
    }

    [Fact]
    public void Constructor_NoiseWindowShorterThanEightFrames_Throws()
    {
        var act = () => new EnergyVoiceActivityDetector(new EnergyVadOptions { NoiseWindow = TimeSpan.FromMilliseconds(100) });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*NoiseWindow*");
    }

    internal static float[] ProcessAll(IVoiceActivityDetector detector, float[] samples)
    {
        var probabilities = new float[samples.Length / Frame];
        for (int i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = detector.Process(samples.AsSpan(i * Frame, Frame));
        }

        return probabilities;
    }

    private static int Run(EnergyVoiceActivityDetector detector, SpeechSegmenter segmenter, float[] samples)
    {
        int speech = 0;
        for (int offset = 0; offset + Frame <= samples.Length; offset += Frame)
        {
            speech += segmenter.Push(detector.Process(samples.AsSpan(offset, Frame))).IsSpeechFrame ? 1 : 0;
        }

        return speech;
    }
}
