using Captions.Engine.Audio;
using Captions.Engine.Hosting;
using Captions.Engine.Vad;
using Captions.Native.OnnxRuntime;

namespace Captions.Vad.Silero.Tests;

/// <summary>The bootstrap's ORT library and Silero model; a missing one fails the test saying how to get it.</summary>
internal static class SileroTestAssets
{
    public const string Codec2Directory = "/usr/share/codec2/wav";

    public static CaptionsPaths Paths { get; } = CaptionsPaths.FromEnvironment();

    public static string LibraryPath => Require(Paths.OnnxRuntimeLibraryPath);

    public static string ModelPath => Require(Paths.SileroModelPath);

    public static OrtEnvironment Environment => OrtEnvironment.GetOrCreate(LibraryPath);

    public static SileroVoiceActivityDetector OpenDetector() => new(Environment, ModelPath);

    public static string Require(string path)
    {
        if (!File.Exists(path))
        {
            Assert.Fail($"'{path}' is missing: run ./scripts/bootstrap.sh");
        }

        return path;
    }

    /// <summary>Scores <paramref name="audio"/> in the pipeline's 20 ms frames; one probability per full frame.</summary>
    public static float[] ScoreFrames(IVoiceActivityDetector detector, ReadOnlySpan<float> audio)
    {
        int frames = audio.Length / AudioFormat.FrameSamples;
        var scores = new float[frames];
        for (int i = 0; i < frames; i++)
        {
            scores[i] = detector.Process(audio.Slice(i * AudioFormat.FrameSamples, AudioFormat.FrameSamples));
        }

        return scores;
    }
}
