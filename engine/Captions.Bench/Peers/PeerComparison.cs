using Captions.Engine.Metrics;

namespace Captions.Bench.Peers;

/// <summary>
/// A peer against one configuration of ours over the items both completed: totals, their ratios and the WER of each
/// on those same items, so a ratio never compares different audio.
/// </summary>
/// <param name="Peer">The peer's name.</param>
/// <param name="ComparedWith">Our configuration.</param>
/// <param name="ItemIds">The items both completed, the only ones counted.</param>
/// <param name="OursSeconds">Our compute seconds over <paramref name="ItemIds"/>.</param>
/// <param name="PeerWallSeconds">The peer's wall seconds over <paramref name="ItemIds"/>.</param>
/// <param name="PeerCpuSeconds">The peer's CPU seconds over <paramref name="ItemIds"/>.</param>
public sealed record PeerComparison(
    string Peer, string ComparedWith, IReadOnlyList<string> ItemIds, double OursSeconds, double PeerWallSeconds, double PeerCpuSeconds)
{
    /// <summary>Peer wall / ours (2.0: the peer took twice as long); null with no common items or ours 0.</summary>
    public double? WallRatio => OursSeconds > 0 && ItemIds.Count > 0 ? PeerWallSeconds / OursSeconds : null;

    /// <summary>Peer CPU / ours; null with no common items or ours 0.</summary>
    public double? CpuRatio => OursSeconds > 0 && ItemIds.Count > 0 ? PeerCpuSeconds / OursSeconds : null;

    /// <summary>The peer's word errors over the scored common items (see <see cref="ScoredItemIds"/>); null when none is scored.</summary>
    public WordErrorCounts? PeerErrors { get; init; }

    /// <summary>Our word errors over the same scored items; null when ours were not given or none is scored.</summary>
    public WordErrorCounts? OursErrors { get; init; }

    /// <summary>The common items with a reference (and, when ours were given, a score of ours): where WER is compared.</summary>
    public IReadOnlyList<string> ScoredItemIds { get; init; } = [];

    /// <summary>Why the comparison is empty or partial: the peer's run error, items one side did not complete.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
