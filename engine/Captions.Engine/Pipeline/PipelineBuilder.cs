using System.Threading.Channels;
using Captions.Engine.Timing;

namespace Captions.Engine.Pipeline;

/// <summary>
/// Wires typed stages with bounded edges. Each edge must have exactly one writer and one reader stage.
/// <code>
/// var b = new PipelineBuilder(clock);
/// var audio = b.AddEdge&lt;AudioFrame&gt;(EdgeOptions.Audio("audio"), f => f.Release());
/// b.AddSource("capture", audio, (output, ct) => source.RunAsync(output, ct));
/// b.AddSink("vad", audio, (input, ct) => ...);
/// await using var pipeline = b.Build();
/// var result = await pipeline.RunAsync(stopToken);
/// </code>
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IPipelineEdge> _edges = [];
    private readonly List<PipelineStage> _stages = [];
    private readonly HashSet<IPipelineEdge> _written = [];
    private readonly HashSet<IPipelineEdge> _read = [];
    private readonly PipelineMetrics _metrics = new();
    private bool _built;

    public PipelineBuilder(PipelineClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
    }

    public PipelineClock Clock { get; }

    public PipelineMetrics Metrics => _metrics;

    /// <summary>After a stop request, how long stages may drain before the run is aborted.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Adds an edge. <paramref name="release"/> is called for every item the edge drops or discards.</summary>
    public PipelineEdge<T> AddEdge<T>(EdgeOptions options, Action<T>? release = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfBuilt();
        if (_edges.Any(e => e.Name == options.Name))
        {
            throw new ArgumentException($"an edge named '{options.Name}' already exists", nameof(options));
        }

        var edge = new PipelineEdge<T>(options, _metrics, Clock.TimeProvider, release);
        _edges.Add(edge);
        return edge;
    }

    public void AddSource<TOut>(string name, PipelineEdge<TOut> output, Func<PipelineEdge<TOut>, CancellationToken, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ClaimWriter(name, output);
        _stages.Add(new PipelineStage(name, StageKind.Source, null, output, ct => body(output, ct)));
    }

    public void AddTransform<TIn, TOut>(
        string name,
        PipelineEdge<TIn> input,
        PipelineEdge<TOut> output,
        Func<ChannelReader<TIn>, PipelineEdge<TOut>, CancellationToken, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ClaimReader(name, input);
        ClaimWriter(name, output);
        _stages.Add(new PipelineStage(name, StageKind.Transform, input, output, ct => body(input.Reader, output, ct)));
    }

    public void AddSink<TIn>(string name, PipelineEdge<TIn> input, Func<ChannelReader<TIn>, CancellationToken, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ClaimReader(name, input);
        _stages.Add(new PipelineStage(name, StageKind.Sink, input, null, ct => body(input.Reader, ct)));
    }

    public Pipeline Build()
    {
        ThrowIfBuilt();
        foreach (var edge in _edges)
        {
            if (!_written.Contains(edge))
            {
                throw new InvalidOperationException($"edge '{edge.Name}' has no writer stage");
            }

            if (!_read.Contains(edge))
            {
                throw new InvalidOperationException($"edge '{edge.Name}' has no reader stage");
            }
        }

        if (_stages.Count == 0)
        {
            throw new InvalidOperationException("a pipeline needs at least one stage");
        }

        _built = true;
        return new Pipeline(Clock, _metrics, [.. _stages], [.. _edges], DrainTimeout);
    }

    private void ClaimWriter(string stage, IPipelineEdge edge)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        ArgumentNullException.ThrowIfNull(edge);
        ThrowIfBuilt();
        if (!_written.Add(edge))
        {
            throw new InvalidOperationException($"edge '{edge.Name}' already has a writer; stage '{stage}' cannot write it too");
        }
    }

    private void ClaimReader(string stage, IPipelineEdge edge)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        ArgumentNullException.ThrowIfNull(edge);
        ThrowIfBuilt();
        if (!_read.Add(edge))
        {
            throw new InvalidOperationException($"edge '{edge.Name}' already has a reader; stage '{stage}' cannot read it too");
        }
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("the pipeline was already built");
        }
    }
}
