namespace Captions.Engine.Pipeline;

/// <summary>Counters of one edge at the end of a run.</summary>
public readonly record struct EdgeStatistics(
    string Name,
    int Capacity,
    EdgeFullMode FullMode,
    long Written,
    long Dropped,
    long WriterWaits);
