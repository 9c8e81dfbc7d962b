namespace Captions.Engine.Pipeline;

/// <summary>How a run ended (when it did not fault).</summary>
/// <param name="Stopped">The stop token fired (Ctrl+C): sources were stopped early and the rest drained.</param>
/// <param name="DrainTimedOut">Draining after the stop took longer than the drain timeout; stages were cancelled.</param>
/// <param name="Edges">Counters of every edge.</param>
public sealed record PipelineResult(bool Stopped, bool DrainTimedOut, IReadOnlyList<EdgeStatistics> Edges)
{
    public long TotalDropped => Edges.Sum(e => e.Dropped);
}
