using Spectre.Console;
using Spectre.Console.Rendering;

namespace Captions.Bench.Reports;

/// <summary>
/// The terminal summary of a bench run: one row per configuration with the headline metrics, one row per peer with
/// its WER and its time over ours, then the notes that explain the gaps. Written to an <see cref="IAnsiConsole"/> so
/// the CLI prints it with colour and tests capture it as plain text. Latencies are in milliseconds throughout (the
/// title says so); a metric that was not measured prints as "-", never as 0.
/// </summary>
public static class BenchTableWriter
{
    /// <summary>Column headings of the configuration table, in order (the first names the configuration).</summary>
    public static IReadOnlyList<string> ConfigurationColumns { get; } =
    [
        "configuration", "first partial", "shown p50", "shown p95", "commit p50", "commit p95", "AL", "LAAL",
        "MT lag p50", "presented p50", "erasure", "ASR RTF", "wall RTF", "WER/CER", "lag drift", "missing words",
    ];

    /// <summary>Column headings of the peer table, in order.</summary>
    public static IReadOnlyList<string> PeerColumns { get; } =
    [
        "peer", "vs", "items ok", "WER", "ours WER", "wall RTF", "wall / our ASR busy", "CPU / our ASR busy",
    ];

    /// <summary>Writes the summary tables and notes of <paramref name="report"/> to <paramref name="console"/>.</summary>
    public static void Write(BenchReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);

        console.Write(new Text($"Bench {report.Corpus} ({report.Mode}), {report.Started:yyyy-MM-dd HH:mm:ss} UTC{report.Started:zzz}, {report.Machine}"));
        console.WriteLine();
        console.Write(ConfigurationTable(report, console.Profile.Width));
        if (report.Peers.Count > 0)
        {
            console.Write(PeerTable(report));
        }

        IReadOnlyList<string> notes = ReportNotes.Collect(report);
        if (notes.Count > 0)
        {
            console.Write(new Text("Notes:"));
            console.WriteLine();
            foreach (string note in notes)
            {
                console.Write(new Text("  - " + note));
                console.WriteLine();
            }
        }
    }

    /// <summary>One row per configuration: the pooled <see cref="RunMetrics"/> of its items.</summary>
    internal static IReadOnlyList<string> ConfigurationRow(ConfigurationRun configuration)
    {
        RunMetrics m = configuration.Summary;
        return
        [
            configuration.Name,
            ReportFormat.Milliseconds(m.FirstPartialSeconds),
            ReportFormat.Milliseconds(m.FirstShownP50),
            ReportFormat.Milliseconds(m.FirstShownP95),
            ReportFormat.Milliseconds(m.CommitP50),
            ReportFormat.Milliseconds(m.CommitP95),
            ReportFormat.Milliseconds(m.AverageLagging),
            ReportFormat.Milliseconds(m.Laal),
            ReportFormat.Milliseconds(m.TranslationLagP50),
            ReportFormat.Milliseconds(m.PresentedLagP50),
            ReportFormat.Ratio(m.NormalisedErasure),
            ReportFormat.Ratio(m.AsrRtf),
            ReportFormat.Ratio(m.WallRtf),
            ReportFormat.ErrorRate(m.ErrorRate, m.ErrorRateIsCharacters),
            ReportFormat.Drift(m.LagDrift),
            ReportFormat.MissingWords(m.MissingWords, m.ReferenceWords),
        ];
    }

    internal static IReadOnlyList<string> PeerRow(PeerComparison comparison) =>
    [
        comparison.Peer.Name,
        comparison.Peer.ComparedWith,
        $"{ReportFormat.Integer(comparison.ItemsOk)}/{ReportFormat.Integer(comparison.Peer.Items.Count)}",
        ReportFormat.Percent(comparison.ErrorRate),
        ReportFormat.Percent(comparison.OursErrorRate),
        ReportFormat.Ratio(comparison.WallRtf),
        ReportFormat.Ratio(comparison.WallOverOursAsr),
        ReportFormat.Ratio(comparison.CpuOverOursAsr),
    ];

    private static Table ConfigurationTable(BenchReport report, int consoleWidth)
    {
        const string title = "Configurations: latencies (first partial .. presented p50, AL, LAAL) in ms; RTF = busy or wall s / audio s; missing = words never shown / reference words";
        List<IReadOnlyList<string>> rows = report.Configurations.Select(ConfigurationRow).ToList();
        if (rows.Count == 0)
        {
            rows.Add(ConfigurationColumns.Select((_, i) => i == 0 ? "(no configuration ran)" : ReportFormat.Missing).ToList());
        }

        if (WidthNeeded(ConfigurationColumns, rows) <= consoleWidth)
        {
            var table = new Table().Border(TableBorder.Rounded).Title(title);
            AddColumns(table, ConfigurationColumns);
            foreach (IReadOnlyList<string> row in rows)
            {
                table.AddRow(row.Select(Cell));
            }

            return table;
        }

        // Sixteen columns need ~150 characters; squeezed into 80 every cell wraps into unreadable slivers. A narrow
        // terminal gets the same numbers with configurations as columns and metrics as rows.
        var transposed = new Table().Border(TableBorder.Rounded).Title(title);
        transposed.AddColumn(new TableColumn(new Text("metric")).LeftAligned());
        foreach (IReadOnlyList<string> row in rows)
        {
            transposed.AddColumn(new TableColumn(new Text(row[0])).RightAligned());
        }

        for (int metric = 1; metric < ConfigurationColumns.Count; metric++)
        {
            transposed.AddRow(rows.Select(r => r[metric]).Prepend(ConfigurationColumns[metric]).Select(Cell));
        }

        return transposed;
    }

    /// <summary>
    /// Characters a table needs with headings wrapped at their spaces: per column the longest heading word or cell,
    /// plus a space each side and a border.
    /// </summary>
    private static int WidthNeeded(IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyList<string>> rows) =>
        1 + headings.Select((heading, i) => Math.Max(
            heading.Split(' ').Max(word => word.Length),
            rows.Max(row => row[i].Length)) + 3).Sum();

    private static Table PeerTable(BenchReport report)
    {
        var table = new Table()
            .Border(TableBorder.Rounded)
            .Title("Peers: ratios over our recogniser's busy time on the items both completed (> 1: the peer took longer)");
        AddColumns(table, PeerColumns);
        foreach (Peers.PeerRun peer in report.Peers)
        {
            table.AddRow(PeerRow(PeerComparison.Of(peer, report)).Select(Cell));
        }

        return table;
    }

    private static void AddColumns(Table table, IReadOnlyList<string> headings)
    {
        for (int i = 0; i < headings.Count; i++)
        {
            // Headings break at their spaces so a column is as wide as its numbers, not its heading.
            var column = new TableColumn(new Text(headings[i].Replace(' ', '\n')));
            table.AddColumn(i == 0 ? column.LeftAligned() : column.RightAligned());
        }
    }

    // Text, not Markup: configuration names and notes may contain '[' and must print as written.
    private static IRenderable Cell(string text) => new Text(text);
}
