using Captions.Bench.Peers;
using Captions.Engine.Metrics;

namespace Captions.Bench.Reports;

/// <summary>
/// One peer's figures next to the configuration of ours it is compared with (<see cref="PeerRun.ComparedWith"/>):
/// pooled WER, wall real-time factor, and the peer's wall and CPU time over our recogniser's busy time on the items
/// both completed. Computed once here so the terminal table and the HTML report agree.
/// </summary>
/// <param name="Peer">The peer run.</param>
/// <param name="Ours">The configuration named by <see cref="PeerRun.ComparedWith"/>, or null when the report has none by that name.</param>
/// <param name="ItemsOk">Peer items without an error.</param>
/// <param name="ErrorRate">Pooled peer WER (total errors over total reference words), null when no item had a transcript.</param>
/// <param name="OursErrorRate">Our pooled WER on the same items, null when not measured.</param>
/// <param name="WallRtf">Peer wall seconds over audio seconds on its items without error.</param>
/// <param name="WallOverOursAsr">Peer wall seconds over our recogniser busy seconds on the items both completed.</param>
/// <param name="CpuOverOursAsr">Peer CPU seconds over our recogniser busy seconds on the same items.</param>
/// <param name="ComparedItems">How many items the two ratios are taken over.</param>
internal sealed record PeerComparison(
    PeerRun Peer,
    ConfigurationRun? Ours,
    int ItemsOk,
    double? ErrorRate,
    double? OursErrorRate,
    double? WallRtf,
    double? WallOverOursAsr,
    double? CpuOverOursAsr,
    int ComparedItems)
{
    public static PeerComparison Of(PeerRun peer, BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(report);
        ConfigurationRun? ours = report.Configurations.FirstOrDefault(c => c.Name == peer.ComparedWith);
        List<PeerItem> ok = peer.Error is null ? peer.Items.Where(i => i.Error is null).ToList() : [];

        double? errorRate = PooledRate(ok.Select(i => i.Errors));
        double audio = ok.Sum(i => i.AudioSeconds);
        double? wallRtf = audio > 0 ? ok.Sum(i => i.WallSeconds) / audio : null;

        double peerWall = 0, peerCpu = 0, oursAsr = 0;
        int compared = 0;
        var oursErrors = new List<WordErrorCounts?>();
        if (ours is not null)
        {
            Dictionary<string, ItemRun> oursById = ours.Items
                .Where(i => i.Status == "ok")
                .GroupBy(i => i.Id, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (PeerItem item in ok)
            {
                if (oursById.TryGetValue(item.Id, out ItemRun? mine))
                {
                    peerWall += item.WallSeconds;
                    peerCpu += item.CpuSeconds;
                    oursAsr += mine.Stages.AsrSeconds;
                    oursErrors.Add(mine.Errors);
                    compared++;
                }
            }
        }

        return new PeerComparison(
            peer,
            ours,
            ok.Count,
            errorRate,
            PooledRate(oursErrors),
            wallRtf,
            oursAsr > 0 ? peerWall / oursAsr : null,
            oursAsr > 0 ? peerCpu / oursAsr : null,
            compared);
    }

    private static double? PooledRate(IEnumerable<WordErrorCounts?> counts)
    {
        WordErrorCounts total = default;
        bool any = false;
        foreach (WordErrorCounts? count in counts)
        {
            if (count is { } c)
            {
                total += c;
                any = true;
            }
        }

        return any ? total.Rate : null;
    }
}
