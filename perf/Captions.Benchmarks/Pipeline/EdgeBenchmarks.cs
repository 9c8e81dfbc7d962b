using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Captions.Engine.Audio;
using Captions.Engine.Pipeline;
using Captions.Engine.Timing;

namespace Captions.Benchmarks.Pipeline;

/// <summary>
/// Cost of moving one 20 ms audio frame across an edge, writer and reader on one thread (the uncontended fast path),
/// against a raw BoundedChannel with the same options as the peer: what our counting and drop accounting add.
/// </summary>
[MemoryDiagnoser]
public class EdgeBenchmarks
{
    private const int Frames = 1000;
    private PipelineBuilder _builder = null!;
    private PipelineEdge<AudioFrame> _edge = null!;
    private Channel<AudioFrame> _raw = null!;
    private AudioFrame _frame;

    [GlobalSetup]
    public void Setup()
    {
        _builder = new PipelineBuilder(new PipelineClock(TimeProvider.System));
        _edge = _builder.AddEdge<AudioFrame>(EdgeOptions.Audio("audio", 50));
        _raw = Channel.CreateBounded<AudioFrame>(new BoundedChannelOptions(50)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        _frame = new AudioFrame(AudioFrame.RentBuffer(), AudioFormat.FrameSamples, 0, default);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _frame.Release();
        _builder.Metrics.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Frames, Description = "raw BoundedChannel write+read")]
    public async Task RawChannel()
    {
        for (var i = 0; i < Frames; i++)
        {
            await _raw.Writer.WriteAsync(_frame);
            _raw.Reader.TryRead(out _);
        }
    }

    [Benchmark(OperationsPerInvoke = Frames, Description = "PipelineEdge write+read")]
    public async Task Edge()
    {
        var reader = _edge.Reader;
        for (var i = 0; i < Frames; i++)
        {
            await _edge.WriteAsync(_frame, CancellationToken.None);
            reader.TryRead(out _);
        }
    }
}
