using Captions.Bench.Peers;

namespace Captions.Bench.Reports;

/// <summary>
/// Everything one `captions bench` run measured: every configuration of ours over every corpus item, the peers on
/// the same audio, and notes (skipped metrics, failed items). The JSON report is this record serialised; the HTML
/// report and the terminal table are drawn from it.
/// </summary>
public sealed record BenchReport
{
    /// <summary>Corpus name and manifest path.</summary>
    public required string Corpus { get; init; }

    public required string ManifestPath { get; init; }

    /// <summary>"realtime" (paced like a talker, compute included) or "driven" (as fast as possible, compute-unaware).</summary>
    public required string Mode { get; init; }

    public required DateTimeOffset Started { get; init; }

    /// <summary>Machine facts: cores, load average at start, OS.</summary>
    public required string Machine { get; init; }

    public required IReadOnlyList<ConfigurationRun> Configurations { get; init; }

    public IReadOnlyList<PeerRun> Peers { get; init; } = [];

    /// <summary>Corpus problems and run-wide notes, one line each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
