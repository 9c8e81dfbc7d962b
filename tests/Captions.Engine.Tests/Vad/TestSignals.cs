using Captions.Engine.Audio;

namespace Captions.Engine.Tests.Vad;

/// <summary>Deterministic synthetic 16 kHz signals, built frame-aligned so expected frame indices are exact.</summary>
internal sealed class TestSignals
{
    private readonly List<float> _samples = [];
    private readonly Random _random;

    public TestSignals(int seed = 1234) => _random = new Random(seed);

    public int FrameCount => _samples.Count / AudioFormat.FrameSamples;

    public static float DbToAmplitude(float dbfs) => MathF.Pow(10f, dbfs / 20f);

    /// <summary>Gaussian white noise with the given RMS level in dBFS.</summary>
    public TestSignals Noise(int frames, float dbfs)
    {
        float rms = DbToAmplitude(dbfs);
        for (int i = 0; i < frames * AudioFormat.FrameSamples; i++)
        {
            _samples.Add(rms * Gaussian());
        }

        return this;
    }

    /// <summary>A sine of the given RMS level (peak = rms * sqrt 2) over a noise bed.</summary>
    public TestSignals Tone(int frames, float dbfs, float hz = 440f, float noiseDbfs = float.NegativeInfinity)
    {
        float peak = DbToAmplitude(dbfs) * MathF.Sqrt(2f);
        float noise = float.IsNegativeInfinity(noiseDbfs) ? 0f : DbToAmplitude(noiseDbfs);
        int start = _samples.Count;
        for (int i = 0; i < frames * AudioFormat.FrameSamples; i++)
        {
            _samples.Add((peak * MathF.Sin(2 * MathF.PI * hz * (start + i) / AudioFormat.SampleRate)) + (noise * Gaussian()));
        }

        return this;
    }

    public TestSignals Constant(int frames, float value)
    {
        _samples.AddRange(Enumerable.Repeat(value, frames * AudioFormat.FrameSamples));
        return this;
    }

    public float[] ToArray() => [.. _samples];

    private float Gaussian()
    {
        // Box-Muller: deterministic for a seed, unlike any OS noise source.
        double u1 = 1.0 - _random.NextDouble();
        double u2 = _random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
