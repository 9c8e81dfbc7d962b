using Captions.Engine.Metrics;

namespace Captions.Bench.Peers;

/// <summary>One item through a peer: wall and CPU seconds of the process (model load included), its transcript and WER.</summary>
public sealed record PeerItem(string Id, double AudioSeconds, double WallSeconds, double CpuSeconds, string Hypothesis)
{
    public WordErrorCounts? Errors { get; init; }

    /// <summary>Why this item failed (non-zero exit, timeout), else null.</summary>
    public string? Error { get; init; }
}
