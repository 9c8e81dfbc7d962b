using BenchmarkDotNet.Attributes;
using Captions.Engine.Audio;

namespace Captions.Benchmarks.Audio;

/// <summary>
/// One operation = one second of input fed in 20 ms chunks, as a capture loop delivers it, so "x real time" is
/// 1 s / Mean. Allocated must read "-" (0 B): the audio path is allocation-free in steady state.
/// </summary>
[MemoryDiagnoser]
public class ResamplerBenchmarks
{
    private const int ChunksPerSecond = 50;

    private Resampler _resampler = null!;
    private AudioConverter _stereo = null!;
    private float[] _chunk = [];
    private float[] _stereoChunk = [];
    private float[] _output = [];

    [Params(44_100, 48_000)]
    public int InputRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _resampler = new Resampler(InputRate, AudioFormat.SampleRate);
        _stereo = new AudioConverter(InputRate, 2);
        var random = new Random(1);
        _chunk = new float[InputRate / ChunksPerSecond];
        _stereoChunk = new float[2 * _chunk.Length];
        for (int i = 0; i < _stereoChunk.Length; i++)
        {
            _stereoChunk[i] = (float)((random.NextDouble() * 2) - 1) * 0.5f;
        }

        _stereoChunk.AsSpan(0, _chunk.Length).CopyTo(_chunk);
        _output = new float[_stereo.GetMaxOutputLength(_stereoChunk.Length) + _resampler.MaxFlushLength];
    }

    [Benchmark(Description = "Resampler to 16k, 1 s mono in 20 ms chunks")]
    public int ResampleOneSecond()
    {
        int written = 0;
        for (int i = 0; i < ChunksPerSecond; i++)
        {
            written += _resampler.Process(_chunk, _output);
        }

        return written;
    }

    [Benchmark(Description = "AudioConverter stereo to 16k mono, 1 s in 20 ms chunks")]
    public int ConvertStereoOneSecond()
    {
        int written = 0;
        for (int i = 0; i < ChunksPerSecond; i++)
        {
            written += _stereo.Convert(_stereoChunk, _output);
        }

        return written;
    }
}
