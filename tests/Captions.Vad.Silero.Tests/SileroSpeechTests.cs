using Captions.Engine.Audio;
using Captions.Engine.Metrics;
using Captions.Engine.Vad;
using Captions.TestKit.Audio;
using Xunit.Abstractions;

namespace Captions.Vad.Silero.Tests;

/// <summary>Silero on real speech nobody here recorded, and on signals that contain none.</summary>
public sealed class SileroSpeechTests : IDisposable
{
    // Silero's own default threshold.
    private const float SpeechThreshold = 0.5f;

    private readonly ITestOutputHelper _output;
    private readonly SileroVoiceActivityDetector _detector = SileroTestAssets.OpenDetector();

    public SileroSpeechTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _detector.Dispose();

    [Fact]
    public void Process_JfkSpeech_CoversMostOfTheSpokenSpan()
    {
        float[] audio = AudioFile.ReadMono16k(SileroTestAssets.Require(SileroTestAssets.Paths.JfkWavPath));

        float[] scores = SileroTestAssets.ScoreFrames(_detector, audio);

        // Speech runs from ~0.3 s to ~10.7 s with short pauses between phrases.
        double spoken = SpeechFraction(scores, TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(10.7));
        _output.WriteLine($"jfk: {spoken:P1} of 0.3-10.7 s scored as speech");
        // Measured 71%: the pauses at ~2.6-3.1 s and ~4.7-5.2 s and quiet word endings score below 0.5.
        spoken.Should().BeGreaterThan(0.6);
    }

    [Fact]
    public void Process_JfkThroughSegmenter_GivesUtterancesSpanningTheSpeech()
    {
        float[] audio = AudioFile.ReadMono16k(SileroTestAssets.Require(SileroTestAssets.Paths.JfkWavPath));

        List<(TimeSpan Start, TimeSpan End)> utterances = Segment(SileroTestAssets.ScoreFrames(_detector, audio));

        _output.WriteLine(string.Join(", ", utterances.Select(u => $"{u.Start.TotalSeconds:F2}-{u.End.TotalSeconds:F2}")));
        utterances.Should().NotBeEmpty();
        utterances[0].Start.Should().BeLessThan(TimeSpan.FromSeconds(1));
        utterances[^1].End.Should().BeGreaterThan(TimeSpan.FromSeconds(10));
        TimeSpan covered = utterances.Aggregate(TimeSpan.Zero, (sum, u) => sum + (u.End - u.Start));
        covered.Should().BeGreaterThan(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void Process_LibriVoxClips_ScoreMostlySpeech()
    {
        IReadOnlyList<ReferenceRecording> clips = ReferenceCorpus.Load();
        clips.Should().HaveCount(5, "pocketsphinx-testdata ships five LibriVox clips: run ./scripts/bootstrap.sh");

        foreach (ReferenceRecording clip in clips)
        {
            _detector.Reset();
            float[] scores = SileroTestAssets.ScoreFrames(_detector, clip.ReadMono16k());
            double fraction = SpeechFraction(scores, TimeSpan.Zero, TimeSpan.MaxValue);
            _output.WriteLine($"{clip.Id}: {fraction:P1} speech over {scores.Length} frames");
            fraction.Should().BeGreaterThan(0.5, clip.Id);
        }
    }

    [Theory]
    [InlineData("hts1a.wav")]
    [InlineData("morig.wav")]
    [InlineData("big_dog.wav")]
    public void Process_Codec2Speech8kResampled_FindsSpeech(string file)
    {
        float[] audio = AudioFile.ReadMono16k(SileroTestAssets.Require(Path.Combine(SileroTestAssets.Codec2Directory, file)));

        float[] scores = SileroTestAssets.ScoreFrames(_detector, audio);

        double fraction = SpeechFraction(scores, TimeSpan.Zero, TimeSpan.MaxValue);
        _output.WriteLine($"{file}: {fraction:P1} speech over {scores.Length} frames");
        fraction.Should().BeGreaterThan(0.4);
    }

    [Fact]
    public void Process_DigitalSilence_FindsNoSpeechAndNoUtterance()
    {
        float[] silence = new float[AudioFormat.SampleRate * 5];

        float[] scores = SileroTestAssets.ScoreFrames(_detector, silence);

        scores.Should().OnlyContain(p => p < SpeechThreshold);
        Segment(scores).Should().BeEmpty();
    }

    [Fact]
    public void Process_WhiteNoise_AlmostNoSpeech()
    {
        // Uniform noise of amplitude 0.1: RMS 0.058, about -25 dBFS, a loud fan rather than a whisper.
        float[] noise = TestSignal.Noise(AudioFormat.SampleRate * 10, seed: 11, amplitude: 0.1);

        float[] scores = SileroTestAssets.ScoreFrames(_detector, noise);

        double fraction = SpeechFraction(scores, TimeSpan.Zero, TimeSpan.MaxValue);
        _output.WriteLine($"white noise: {fraction:P2} speech, max p {scores.Max():F3}");
        fraction.Should().BeLessThan(0.02);
    }

    [Fact]
    public void Process_PinkNoise_AlmostNoSpeech()
    {
        float[] noise = PinkNoise(AudioFormat.SampleRate * 10, seed: 12, amplitude: 0.1);

        float[] scores = SileroTestAssets.ScoreFrames(_detector, noise);

        double fraction = SpeechFraction(scores, TimeSpan.Zero, TimeSpan.MaxValue);
        _output.WriteLine($"pink noise: {fraction:P2} speech, max p {scores.Max():F3}");
        fraction.Should().BeLessThan(0.02);
    }

    private static double SpeechFraction(float[] scores, TimeSpan from, TimeSpan to)
    {
        int first = (int)Math.Min(scores.Length, from.TotalMilliseconds / 20);
        int last = to == TimeSpan.MaxValue ? scores.Length : (int)Math.Min(scores.Length, to.TotalMilliseconds / 20);
        int speech = 0;
        for (int i = first; i < last; i++)
        {
            speech += scores[i] >= SpeechThreshold ? 1 : 0;
        }

        return last > first ? (double)speech / (last - first) : 0;
    }

    private static List<(TimeSpan Start, TimeSpan End)> Segment(float[] scores)
    {
        var segmenter = new SpeechSegmenter();
        var utterances = new List<(TimeSpan Start, TimeSpan End)>();
        TimeSpan? start = null;
        for (int i = 0; i < scores.Length; i++)
        {
            SegmenterEvent e = segmenter.Push(scores[i]);
            if (e.Kind == SegmenterEventKind.SpeechStarted)
            {
                start = AudioFormat.FrameDuration * (i - e.PreRollFrames);
            }
            else if (e.Kind == SegmenterEventKind.SpeechEnded && start is { } s)
            {
                utterances.Add((s, AudioFormat.FrameDuration * (i + 1)));
                start = null;
            }
        }

        if (start is { } open)
        {
            utterances.Add((open, AudioFormat.FrameDuration * scores.Length));
        }

        return utterances;
    }

    // Paul Kellet's economy pink filter over uniform white noise, scaled to a peak of about amplitude.
    private static float[] PinkNoise(int count, int seed, double amplitude)
    {
        float[] white = TestSignal.Noise(count, seed, amplitude: 1.0);
        var pink = new float[count];
        double b0 = 0, b1 = 0, b2 = 0;
        for (int i = 0; i < count; i++)
        {
            double w = white[i];
            b0 = (0.99765 * b0) + (w * 0.0990460);
            b1 = (0.96300 * b1) + (w * 0.2965164);
            b2 = (0.57000 * b2) + (w * 1.0526913);
            pink[i] = (float)((b0 + b1 + b2 + (w * 0.1848)) * amplitude * 0.25);
        }

        return pink;
    }
}
