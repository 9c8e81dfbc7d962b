using BenchmarkDotNet.Attributes;
using Captions.Engine.Audio;
using Captions.Engine.Vad;

namespace Captions.Benchmarks.Vad;

/// <summary>
/// Per-frame cost of the energy VAD and of the segmenter over 10 s of 20 ms frames (500 frames: quiet noise with
/// tone bursts, so both speech and silence paths run). Results are per frame (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class EnergyVadBenchmarks
{
    private const int Frames = 500;

    private readonly float[] _samples = new float[Frames * AudioFormat.FrameSamples];
    private readonly float[] _probabilities = new float[Frames];
    private EnergyVoiceActivityDetector _detector = null!;
    private SpeechSegmenter _segmenter = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (int i = 0; i < _samples.Length; i++)
        {
            // -50 dBFS noise, with a -20 dBFS 440 Hz tone in the second half of every second.
            float noise = 0.00316f * (float)((random.NextDouble() * 2) - 1) * 1.73f;
            bool tone = i / (AudioFormat.SampleRate / 2) % 2 == 1;
            _samples[i] = noise + (tone ? 0.1414f * MathF.Sin(2 * MathF.PI * 440 * i / AudioFormat.SampleRate) : 0f);
        }

        _detector = new EnergyVoiceActivityDetector();
        _segmenter = new SpeechSegmenter();
        for (int f = 0; f < Frames; f++)
        {
            _probabilities[f] = _detector.Process(_samples.AsSpan(f * AudioFormat.FrameSamples, AudioFormat.FrameSamples));
        }
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public float EnergyVadPerFrame()
    {
        float sum = 0;
        for (int f = 0; f < Frames; f++)
        {
            sum += _detector.Process(_samples.AsSpan(f * AudioFormat.FrameSamples, AudioFormat.FrameSamples));
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public int SegmenterPerFrame()
    {
        int speech = 0;
        for (int f = 0; f < Frames; f++)
        {
            speech += _segmenter.Push(_probabilities[f]).IsSpeechFrame ? 1 : 0;
        }

        return speech;
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public int VadAndSegmenterPerFrame()
    {
        int speech = 0;
        for (int f = 0; f < Frames; f++)
        {
            float p = _detector.Process(_samples.AsSpan(f * AudioFormat.FrameSamples, AudioFormat.FrameSamples));
            speech += _segmenter.Push(p).IsSpeechFrame ? 1 : 0;
        }

        return speech;
    }
}
