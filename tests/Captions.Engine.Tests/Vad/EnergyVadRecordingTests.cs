using Captions.Engine.Audio;
using Captions.Engine.Vad;
using Xunit.Abstractions;

namespace Captions.Engine.Tests.Vad;

/// <summary>The energy VAD on real read speech: the LibriVox clips of Debian's pocketsphinx-testdata.</summary>
public sealed class EnergyVadRecordingTests
{
    private const string LibriVoxDirectory = "/usr/share/pocketsphinx/test/data/librivox";
    private const int Frame = AudioFormat.FrameSamples;

    private readonly ITestOutputHelper _output;

    public EnergyVadRecordingTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Clips => new()
    {
        "sense_and_sensibility_01_austen_64kb-0870.wav",
        "sense_and_sensibility_01_austen_64kb-0880.wav",
        "sense_and_sensibility_01_austen_64kb-0890.wav",
        "sense_and_sensibility_01_austen_64kb-0920.wav",
        "sense_and_sensibility_01_austen_64kb-0930.wav",
    };

    /// <remarks>
    /// The clips have no time alignment, so the reference speech span comes from a deliberately different, fixed
    /// rule: the first and last frames 15 dB louder than the median of the first 200 ms (all five clips open with
    /// 240-280 ms of room tone at about -53 dBFS; their speech peaks at -12 to -17 dBFS). The VAD instead adapts its
    /// floor and knows nothing of the clip's start.
    /// </remarks>
    [Theory]
    [MemberData(nameof(Clips))]
    public void Process_LibriVoxClip_DetectsTheReadSpeechAndNotTheLeadIn(string clip)
    {
        float[] samples = ReadClip(clip);
        int frames = samples.Length / Frame;
        var levels = new float[frames];
        var detector = new EnergyVoiceActivityDetector();
        var recorder = new UtteranceRecorder(new SpeechSegmenter());
        for (int i = 0; i < frames; i++)
        {
            recorder.Push(detector.Process(samples.AsSpan(i * Frame, Frame)));
            levels[i] = detector.LastLevelDb;
        }

        recorder.Complete();
        var utterances = recorder.Utterances;
        float leadIn = levels.Take(10).Order().ElementAt(5);
        int referenceOnset = Array.FindIndex(levels, l => l > leadIn + 15f);
        int referenceEnd = Array.FindLastIndex(levels, l => l > leadIn + 15f) + 1;
        int covered = utterances.Sum(u => Overlap(u.OnsetFrame, u.SpeechEndFrame, referenceOnset, referenceEnd));
        _output.WriteLine(
            $"{clip}: {frames} frames, lead-in {leadIn:F1} dBFS, reference speech [{referenceOnset}, {referenceEnd}), " +
            $"utterances {string.Join(", ", utterances.Select(u => $"[{u.StartFrame}|{u.OnsetFrame}, {u.SpeechEndFrame}|{u.EndFrame}) {u.Reason}"))}, " +
            $"covered {covered}");

        utterances.Should().NotBeEmpty();
        referenceOnset.Should().BeInRange(10, 20, "the reference rule itself must find the lead-in (sanity check)");
        utterances[0].OnsetFrame.Should().BeGreaterThanOrEqualTo(10, "the first 200 ms are room tone in every clip");

        // The reference's fixed 15 dB step lags a soft onset ("h" of "had") by up to 2 frames: allow 60 ms early.
        utterances[0].OnsetFrame.Should().BeInRange(referenceOnset - 3, referenceOnset + 5, "speech is confirmed within 100 ms of its onset");
        covered.Should().BeGreaterThanOrEqualTo((int)(0.9 * (referenceEnd - referenceOnset)));
        utterances.Sum(u => u.SpeechEndFrame - u.OnsetFrame).Should().BeGreaterThanOrEqualTo((int)(0.6 * frames));
    }

    private static int Overlap(int start, int end, int otherStart, int otherEnd) =>
        Math.Max(0, Math.Min(end, otherEnd) - Math.Max(start, otherStart));

    private static float[] ReadClip(string clip)
    {
        string path = Path.Combine(LibriVoxDirectory, clip);
        File.Exists(path).Should().BeTrue($"{path} comes with Debian's pocketsphinx-testdata: run ./scripts/bootstrap.sh");
        using var reader = WavReader.Open(path);
        reader.Info.SampleRate.Should().Be(AudioFormat.SampleRate);
        reader.Info.Channels.Should().Be(1);
        var samples = new List<float>();
        var buffer = new float[4096];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            samples.AddRange(buffer.AsSpan(0, read));
        }

        return [.. samples];
    }
}
