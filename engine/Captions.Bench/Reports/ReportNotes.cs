namespace Captions.Bench.Reports;

/// <summary>
/// The notes printed under the summary (terminal and HTML): run-wide notes, then per configuration and item the
/// failures and skipped metrics, then peers that did not run or configurations they name that do not exist. A reader
/// sees why a cell is "-" without opening the JSON.
/// </summary>
internal static class ReportNotes
{
    public static IReadOnlyList<string> Collect(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var notes = new List<string>(report.Notes);
        foreach (ConfigurationRun configuration in report.Configurations)
        {
            foreach (ItemRun item in configuration.Items)
            {
                if (item.Status != "ok")
                {
                    notes.Add($"{configuration.Name} / {item.Id}: {item.Status}{(item.Error is null ? string.Empty : ": " + item.Error)}");
                }

                notes.AddRange(item.Notes.Select(note => $"{configuration.Name} / {item.Id}: {note}"));
            }
        }

        foreach (Peers.PeerRun peer in report.Peers)
        {
            if (peer.Error is not null)
            {
                notes.Add($"peer {peer.Name}: did not run: {peer.Error}");
            }

            if (!report.Configurations.Any(c => c.Name == peer.ComparedWith))
            {
                notes.Add($"peer {peer.Name}: compared with \"{peer.ComparedWith}\", which is not a configuration of this run: ratios skipped");
            }

            notes.AddRange(peer.Items.Where(i => i.Error is not null).Select(i => $"peer {peer.Name} / {i.Id}: {i.Error}"));
        }

        return notes;
    }
}
