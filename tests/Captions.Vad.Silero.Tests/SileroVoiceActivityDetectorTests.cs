using Captions.Engine.Audio;
using Captions.Engine.Vad;
using Captions.TestKit.Diagnostics;

namespace Captions.Vad.Silero.Tests;

public sealed class SileroVoiceActivityDetectorTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("captions-silero-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Name_IsSilero()
    {
        using SileroVoiceActivityDetector detector = SileroTestAssets.OpenDetector();

        detector.Name.Should().Be("silero");
    }

    [Fact]
    public void Process_FirstFrame_ScoresZeroUntilAWindowCompletes()
    {
        using SileroVoiceActivityDetector detector = SileroTestAssets.OpenDetector();
        float[] speech = Jfk();

        float first = detector.Process(speech.AsSpan(16000, 320));
        long windowsAfterFirst = detector.WindowsProcessed;
        detector.Process(speech.AsSpan(16320, 320));

        first.Should().Be(0f);
        windowsAfterFirst.Should().Be(0);
        detector.WindowsProcessed.Should().Be(1, "640 samples complete one 512-sample window");
    }

    [Fact]
    public void Process_AnyChunking_GivesTheSameWindowProbabilities()
    {
        float[] audio = Jfk().AsSpan(0, 16000 * 3).ToArray();
        using SileroVoiceActivityDetector detector = SileroTestAssets.OpenDetector();
        var byWindow = new List<float>();
        for (int i = 0; i + 512 <= audio.Length; i += 512)
        {
            byWindow.Add(detector.Process(audio.AsSpan(i, 512)));
        }

        detector.Reset();
        float chunked = 0f;
        for (int i = 0; i < byWindow.Count * 512; i += 100)
        {
            chunked = detector.Process(audio.AsSpan(i, Math.Min(100, (byWindow.Count * 512) - i)));
        }

        chunked.Should().Be(byWindow[^1], "windows, context and state do not depend on how frames are cut");
        byWindow.Should().Contain(p => p > 0.5f);
    }

    [Fact]
    public void Reset_ThenSameAudio_ReproducesTheScores()
    {
        float[] audio = Jfk().AsSpan(0, 16000 * 2).ToArray();
        using SileroVoiceActivityDetector detector = SileroTestAssets.OpenDetector();
        float[] first = SileroTestAssets.ScoreFrames(detector, audio);

        detector.Reset();
        float[] second = SileroTestAssets.ScoreFrames(detector, audio);

        second.Should().Equal(first);
    }

    [Fact]
    public void Reset_ClearsStateCarriedFromSpeech()
    {
        float[] speech = Jfk();
        float[] silence = new float[512 * 3];
        using SileroVoiceActivityDetector detector = SileroTestAssets.OpenDetector();
        float fresh = detector.Process(silence);

        detector.Process(speech.AsSpan(16000, 16000));
        detector.Reset();
        float afterReset = detector.Process(silence);

        afterReset.Should().Be(fresh);
    }

    [Fact]
    public void Process_SteadyState_AllocatesNothingPerFrame()
    {
        float[] audio = Jfk();
        using SileroVoiceActivityDetector detector = SileroTestAssets.OpenDetector();
        int offset = 0;

        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                detector.Process(audio.AsSpan(offset, AudioFormat.FrameSamples));
                offset = (offset + AudioFormat.FrameSamples) % (audio.Length - AudioFormat.FrameSamples);
            },
            iterations: 200);

        bytes.Should().Be(0);
        detector.WindowsProcessed.Should().BeGreaterThan(100, "the measured frames ran the model, not just buffered");
    }

    [Fact]
    public void ProcessWindow_WrongLength_Throws()
    {
        using SileroVoiceActivityDetector detector = SileroTestAssets.OpenDetector();

        Action process = () => detector.ProcessWindow(new float[320]);

        process.Should().Throw<ArgumentException>().WithMessage("*512*");
    }

    [Fact]
    public void Open_MissingModel_ThrowsNamingTheFileAndTheFix()
    {
        string missing = Path.Combine(_scratch, "silero_vad.onnx");

        Action open = () => _ = new SileroVoiceActivityDetector(SileroTestAssets.Environment, missing);

        SileroModelException ex = open.Should().Throw<SileroModelException>().Which;
        ex.ModelPath.Should().Be(missing);
        ex.Message.Should().Contain(missing).And.Contain("bootstrap");
    }

    [Fact]
    public void Open_CorruptModel_ThrowsNamingTheFile()
    {
        string corrupt = Path.Combine(_scratch, "silero_vad.onnx");
        byte[] model = File.ReadAllBytes(SileroTestAssets.ModelPath);
        File.WriteAllBytes(corrupt, model.AsSpan(0, 100_000).ToArray());

        Action open = () => _ = new SileroVoiceActivityDetector(SileroTestAssets.Environment, corrupt);

        SileroModelException ex = open.Should().Throw<SileroModelException>().Which;
        ex.Message.Should().Contain(corrupt);
        ex.InnerException.Should().BeOfType<Captions.Native.OnnxRuntime.OnnxRuntimeException>();
    }

    [Fact]
    public void Factory_BootstrappedAssets_ReturnsSilero()
    {
        IVoiceActivityDetector detector = SileroVadFactory.CreateOrFallback(SileroTestAssets.LibraryPath, SileroTestAssets.ModelPath, out string? reason);
        using var disposable = detector as IDisposable;

        reason.Should().BeNull();
        detector.Name.Should().Be("silero");
    }

    [Fact]
    public void Factory_MissingModel_FallsBackToEnergyWithOneLineReason()
    {
        string missing = Path.Combine(_scratch, "nope.onnx");

        IVoiceActivityDetector detector = SileroVadFactory.CreateOrFallback(SileroTestAssets.LibraryPath, missing, out string? reason);

        detector.Should().BeOfType<EnergyVoiceActivityDetector>();
        reason.Should().Contain(missing).And.Contain("energy").And.NotContain("\n");
    }

    [Fact]
    public void Factory_MissingLibrary_FallsBackToEnergyWithReason()
    {
        string missing = Path.Combine(_scratch, "libonnxruntime.so.1");

        IVoiceActivityDetector detector = SileroVadFactory.CreateOrFallback(missing, SileroTestAssets.ModelPath, out string? reason);

        detector.Should().BeOfType<EnergyVoiceActivityDetector>();
        reason.Should().Contain(missing).And.Contain("bootstrap");
    }

    private static float[] Jfk() => AudioFile.ReadMono16k(SileroTestAssets.Require(SileroTestAssets.Paths.JfkWavPath));
}
