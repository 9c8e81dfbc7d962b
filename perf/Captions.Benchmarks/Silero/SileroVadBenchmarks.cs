using BenchmarkDotNet.Attributes;
using Captions.Engine.Audio;
using Captions.Engine.Hosting;
using Captions.Engine.Vad;
using Captions.Vad.Silero;

namespace Captions.Benchmarks.Silero;

/// <summary>
/// Cost of voice activity detection per 32 ms of audio (one Silero window) over jfk.wav (11 s = 343 windows of
/// real speech and pauses): Silero v6 on ONNX Runtime (1 intra-op thread) window by window and through the
/// pipeline's 20 ms frame buffering, against the energy VAD on the same audio as the baseline.
/// Every method is normalised to one 512-sample window of audio (OperationsPerInvoke), so Ratio reads directly
/// as "Silero costs N energy VADs". Needs ./scripts/bootstrap.sh (ORT library, model, jfk.wav).
/// Measured here (--job short --inProcess, Xeon 2.5 GHz, 2 cores at load average ~21 from parallel builds, so
/// pessimistic): energy 1.4 us, Silero 0.97 ms per window and 1.06 ms per 32 ms through 20 ms frames (~680x
/// energy, ~3% of one core in real time), 0 B allocated in all three. The default out-of-process toolchain
/// failed to build its boilerplate project under that load with an empty error; --inProcess runs.
/// </summary>
[MemoryDiagnoser]
public class SileroVadBenchmarks
{
    private const int WindowSamples = SileroVoiceActivityDetector.WindowSamples;

    // 176,000 samples / 512; OperationsPerInvoke needs a constant.
    private const int WindowsInJfk = 343;

    private float[] _audio = null!;
    private int _windows;
    private SileroVoiceActivityDetector _silero = null!;
    private EnergyVoiceActivityDetector _energy = null!;

    [GlobalSetup]
    public void Setup()
    {
        CaptionsPaths paths = CaptionsPaths.FromEnvironment();
        _audio = AudioFile.ReadMono16k(paths.JfkWavPath);
        _windows = _audio.Length / WindowSamples;
        if (_windows != WindowsInJfk)
        {
            throw new InvalidOperationException($"{paths.JfkWavPath} gives {_windows} windows, not {WindowsInJfk}: not the pinned jfk.wav?");
        }

        _silero = SileroVoiceActivityDetector.Open(paths.OnnxRuntimeLibraryPath, paths.SileroModelPath);
        _energy = new EnergyVoiceActivityDetector();
    }

    [GlobalCleanup]
    public void Cleanup() => _silero.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = WindowsInJfk)]
    public float EnergyPer32ms()
    {
        // The same 343 windows of audio in the pipeline's 20 ms frames (548 frames).
        float sum = 0;
        int frames = _windows * WindowSamples / AudioFormat.FrameSamples;
        for (int f = 0; f < frames; f++)
        {
            sum += _energy.Process(_audio.AsSpan(f * AudioFormat.FrameSamples, AudioFormat.FrameSamples));
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = WindowsInJfk)]
    public float SileroPerWindow()
    {
        float sum = 0;
        for (int w = 0; w < _windows; w++)
        {
            sum += _silero.ProcessWindow(_audio.AsSpan(w * WindowSamples, WindowSamples));
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = WindowsInJfk)]
    public float SileroPer32msVia20msFrames()
    {
        _silero.Reset();
        float sum = 0;
        int frames = _windows * WindowSamples / AudioFormat.FrameSamples;
        for (int f = 0; f < frames; f++)
        {
            sum += _silero.Process(_audio.AsSpan(f * AudioFormat.FrameSamples, AudioFormat.FrameSamples));
        }

        return sum;
    }
}
