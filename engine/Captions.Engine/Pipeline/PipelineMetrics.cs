using System.Diagnostics.Metrics;

namespace Captions.Engine.Pipeline;

/// <summary>
/// The pipeline's instruments (System.Diagnostics.Metrics), one Meter per pipeline so parallel runs (tests) don't mix.
/// Listen with a MeterListener or `dotnet-counters monitor --counters Captions.Pipeline`.
/// </summary>
public sealed class PipelineMetrics : IDisposable
{
    public const string MeterName = "Captions.Pipeline";

    public PipelineMetrics()
    {
        Meter = new Meter(MeterName, "1.0");
        ItemsWritten = Meter.CreateCounter<long>("captions.edge.items", "{item}", "Items written to a pipeline edge");
        ItemsDropped = Meter.CreateCounter<long>("captions.edge.dropped", "{item}", "Items dropped on a pipeline edge");
        StageLatency = Meter.CreateHistogram<double>(
            "captions.stage.latency", "ms", "Time from audio capture to a stage's output, per stage");
    }

    public Meter Meter { get; }

    public Counter<long> ItemsWritten { get; }

    public Counter<long> ItemsDropped { get; }

    /// <summary>Tagged with "stage": capture->vad, capture->asr, capture->mt, capture->presented.</summary>
    public Histogram<double> StageLatency { get; }

    public void Dispose() => Meter.Dispose();
}
