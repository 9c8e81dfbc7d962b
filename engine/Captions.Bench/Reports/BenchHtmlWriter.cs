using System.Globalization;
using System.Text;

namespace Captions.Bench.Reports;

/// <summary>
/// The bench report as ONE self-contained HTML file: summary, per-stage breakdown, lag CDFs, item timelines, lag over
/// session time, peers, per-item table and notes. Charts are static inline SVG drawn here, so the file opens offline,
/// from a CI artefact or an e-mail, with no script, CDN or font; a Content-Security-Policy forbids any fetch or script
/// in case an escaping bug ever let one in. Captions are untrusted text (a talker can say anything a recogniser turns
/// into "&lt;/script&gt;"), so every string is HTML-escaped. Large runs stay small: timelines draw a one-minute window
/// and scatter plots a stride sample (see <see cref="TimelineChart"/> and <see cref="LagOverTimeChart"/>).
/// </summary>
public static class BenchHtmlWriter
{
    /// <summary>Items drawn as timelines: the first few of the corpus, then every session item, at most <see cref="MaxTimelines"/>.</summary>
    public const int FirstItemsWithTimeline = 3;

    public const int MaxTimelines = 8;

    /// <summary>Items longer than this get a lag-over-time chart even when their kind is not "session".</summary>
    public const double LongItemSeconds = 60;

    private const string Style = """
        body{font-family:sans-serif;margin:24px;color:#222;max-width:1340px}
        h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc}h3{font-size:14px;margin:14px 0 4px}
        table{border-collapse:collapse;font-size:12px;margin:8px 0}th,td{border:1px solid #ccc;padding:3px 6px}
        td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f0f0f0}
        .meta,.caption{color:#555;font-size:12px}ul.notes{font-size:13px}.charts{display:flex;flex-wrap:wrap;gap:12px}svg{display:block;max-width:100%;height:auto}
        """;

    public static string Render(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        string corpus = SvgPlot.Escape(report.Corpus);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
            .Append(CultureInfo.InvariantCulture, $"<title>Captions bench: {corpus}</title><style>{Style}</style></head><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>Captions bench: {corpus}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">mode {E(report.Mode)}; started {E(report.Started.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture))}; manifest {E(report.ManifestPath)}; machine {E(report.Machine)}</p>\n");

        Summary(html, report);

        html.Append("<h2>Latency by stage</h2>\n").Append(StageChart.Render(report)).Append('\n');
        html.Append("<h2>Word lag distribution</h2>\n<div class=\"charts\">")
            .Append(CdfChart.Render(report, "cdf-first-shown", "first shown", w => w.FirstShownLagSeconds))
            .Append(CdfChart.Render(report, "cdf-commit", "commit", w => w.CommitLagSeconds))
            .Append("</div>\n<p class=\"caption\">Fraction of all reference words shown (left) or committed (right) within x seconds of the word's end in the audio; words never shown or committed keep a curve below 1.</p>\n");

        List<string> ids = report.Configurations.SelectMany(c => c.Items).Select(i => i.Id).Distinct(StringComparer.Ordinal).ToList();
        html.Append("<h2>Timelines</h2>\n");
        List<string> timelineIds = ids.Take(FirstItemsWithTimeline)
            .Concat(ids.Where(id => Runs(report, id).Any(r => r.Item.Kind == "session")))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTimelines)
            .ToList();
        if (timelineIds.Count == 0)
        {
            html.Append(SvgPlot.NoData(TimelineChart.Name, "Item timelines", "no item was run")).Append('\n');
        }

        foreach (string id in timelineIds)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(id)}</h3>").Append(TimelineChart.Render(id, Runs(report, id))).Append('\n');
        }

        html.Append("<h2>Lag over session time</h2>\n");
        List<string> longIds = ids.Where(id => Runs(report, id).Any(r => r.Item.Kind == "session" || r.Item.AudioSeconds > LongItemSeconds)).ToList();
        if (longIds.Count == 0)
        {
            html.Append(SvgPlot.NoData(LagOverTimeChart.Name, "Commit lag over session time", $"no session item and no item longer than {LongItemSeconds:0} s")).Append('\n');
        }

        foreach (string id in longIds)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(id)}</h3>").Append(LagOverTimeChart.Render(id, Runs(report, id))).Append('\n');
        }

        Peers(html, report);
        Items(html, report);

        html.Append("<h2>Notes</h2>\n");
        IReadOnlyList<string> notes = ReportNotes.Collect(report);
        if (notes.Count == 0)
        {
            html.Append("<p class=\"caption\">No notes.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"notes\">");
            foreach (string note in notes)
            {
                html.Append("<li>").Append(E(note)).Append("</li>");
            }

            html.Append("</ul>\n");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>Writes the report to <paramref name="path"/> as UTF-8, creating its directory.</summary>
    public static void WriteFile(BenchReport report, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Render(report), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static void Summary(StringBuilder html, BenchReport report)
    {
        html.Append("<h2>Summary</h2>\n<p class=\"caption\">Latencies (first partial to presented p50, AL, LAAL) in ms; RTF = busy or wall seconds over audio seconds; erasure = characters erased per committed character; missing = words never shown / reference words; - = not measured.</p>\n");
        Table(html, "summary", BenchTableWriter.ConfigurationColumns, report.Configurations.Select(BenchTableWriter.ConfigurationRow));
        html.Append("<ul class=\"caption\">");
        foreach (ConfigurationRun configuration in report.Configurations)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{E(configuration.Name)}</b>: {E(configuration.Description)}</li>");
        }

        html.Append("</ul>\n");
    }

    private static void Peers(StringBuilder html, BenchReport report)
    {
        html.Append("<h2>Peers</h2>\n");
        if (report.Peers.Count == 0)
        {
            html.Append("<p class=\"caption\">No peer ran.</p>\n");
            return;
        }

        html.Append("<p class=\"caption\">Ratios: the peer's wall or CPU seconds over our recogniser's busy seconds on the items both completed (above 1: the peer took longer).</p>\n");
        Table(html, "peers", [.. BenchTableWriter.PeerColumns, "command"], report.Peers.Select(p =>
        {
            PeerComparison comparison = PeerComparison.Of(p, report);
            return (IReadOnlyList<string>)[.. BenchTableWriter.PeerRow(comparison), p.Command];
        }));
    }

    private static void Items(StringBuilder html, BenchReport report)
    {
        html.Append("<h2>Items</h2>\n<p class=\"caption\">Per item and configuration; latencies in ms.</p>\n");
        string[] headings = ["item", "kind", "lang", "configuration", "status", "audio s", "versions", "first partial", "shown p50", "shown p95", "commit p50", "commit p95", "WER/CER", "missing words", "ASR RTF", "wall RTF"];
        var rows = report.Configurations
            .SelectMany(c => c.Items.Select(i => (Configuration: c, Item: i)))
            .OrderBy(r => r.Item.Id, StringComparer.Ordinal)
            .Select(r => (IReadOnlyList<string>)
            [
                r.Item.Id, r.Item.Kind, r.Item.Language, r.Configuration.Name, r.Item.Status,
                ReportFormat.Seconds(r.Item.AudioSeconds), ReportFormat.Integer(r.Item.Metrics.Versions),
                ReportFormat.Milliseconds(r.Item.Metrics.FirstPartialSeconds),
                ReportFormat.Milliseconds(r.Item.Metrics.FirstShownP50), ReportFormat.Milliseconds(r.Item.Metrics.FirstShownP95),
                ReportFormat.Milliseconds(r.Item.Metrics.CommitP50), ReportFormat.Milliseconds(r.Item.Metrics.CommitP95),
                ReportFormat.ErrorRate(r.Item.Metrics.ErrorRate, r.Item.Metrics.ErrorRateIsCharacters),
                ReportFormat.MissingWords(r.Item.Metrics.MissingWords, r.Item.Metrics.ReferenceWords),
                ReportFormat.Ratio(r.Item.Metrics.AsrRtf), ReportFormat.Ratio(r.Item.Metrics.WallRtf),
            ]);
        Table(html, "items", headings, rows);
    }

    private static void Table(StringBuilder html, string name, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append(CultureInfo.InvariantCulture, $"<table data-table=\"{name}\"><thead><tr>");
        foreach (string heading in headings)
        {
            html.Append("<th>").Append(E(heading)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (IReadOnlyList<string> row in rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                // Numbers (and "-") right-aligned so digits line up; the first column names the row.
                bool numeric = i > 0 && row[i].Length > 0 && (char.IsDigit(row[i][0]) || row[i] == ReportFormat.Missing);
                html.Append(numeric ? "<td class=\"n\">" : "<td>").Append(E(row[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>\n");
    }

    private static List<(ConfigurationRun Configuration, ItemRun Item, string Color)> Runs(BenchReport report, string id) =>
        report.Configurations
            .Select((c, index) => (Configuration: c, Item: c.Items.FirstOrDefault(i => i.Id == id), Color: ReportPalette.Series(index)))
            .Where(r => r.Item is not null)
            .Select(r => (r.Configuration, r.Item!, r.Color))
            .ToList();

    private static string E(string text) => SvgPlot.Escape(text);
}
