using Captions.Engine.Metrics;

namespace Captions.Bench.Peers;

/// <summary>
/// Turns a <see cref="PeerRun"/> and our per-item compute seconds into ratios of totals (peer wall / ours, peer CPU /
/// ours) over the items both completed. Ratios of totals, not means of per-item ratios: a 3 s clip must not weigh as
/// much as a 60 min session, and the corpus-level WER is likewise total errors over total reference words.
/// </summary>
public static class PeerRatios
{
    /// <param name="oursComputeSeconds">Our compute seconds per item id, for the items ours completed.</param>
    /// <param name="peer">The peer's run on the same items.</param>
    /// <param name="oursErrors">Our word errors per item id, when scored; WER is then compared on items both scored.</param>
    public static PeerComparison Compare(
        IReadOnlyDictionary<string, double> oursComputeSeconds,
        PeerRun peer,
        IReadOnlyDictionary<string, WordErrorCounts>? oursErrors = null)
    {
        ArgumentNullException.ThrowIfNull(oursComputeSeconds);
        ArgumentNullException.ThrowIfNull(peer);
        if (peer.Error is not null)
        {
            return new PeerComparison(peer.Name, peer.ComparedWith, [], 0, 0, 0) { Notes = [$"{peer.Name} did not run: {peer.Error}"] };
        }

        var notes = new List<string>();
        var common = new List<string>();
        var scored = new List<string>();
        double ours = 0, wall = 0, cpu = 0;
        WordErrorCounts peerErrors = default, ourErrors = default;
        foreach (PeerItem item in peer.Items)
        {
            if (item.Error is not null)
            {
                notes.Add($"{item.Id}: left out, {peer.Name} failed ({item.Error})");
                continue;
            }

            if (!oursComputeSeconds.TryGetValue(item.Id, out double oursSeconds))
            {
                notes.Add($"{item.Id}: left out, {peer.ComparedWith} has no result for it");
                continue;
            }

            common.Add(item.Id);
            ours += oursSeconds;
            wall += item.WallSeconds;
            cpu += item.CpuSeconds;
            if (item.Errors is not WordErrorCounts peerItemErrors)
            {
                continue;
            }

            if (oursErrors is null)
            {
                scored.Add(item.Id);
                peerErrors += peerItemErrors;
            }
            else if (oursErrors.TryGetValue(item.Id, out WordErrorCounts ourItemErrors))
            {
                scored.Add(item.Id);
                peerErrors += peerItemErrors;
                ourErrors += ourItemErrors;
            }
        }

        var inRun = peer.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (string id in oursComputeSeconds.Keys.Where(id => !inRun.Contains(id)).Order(StringComparer.Ordinal))
        {
            notes.Add($"{id}: left out, not in {peer.Name}'s run");
        }

        return new PeerComparison(peer.Name, peer.ComparedWith, common, ours, wall, cpu)
        {
            ScoredItemIds = scored,
            PeerErrors = scored.Count > 0 ? peerErrors : null,
            OursErrors = scored.Count > 0 && oursErrors is not null ? ourErrors : null,
            Notes = notes,
        };
    }
}
