using System.Globalization;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Reports;

/// <summary>
/// Commit lag over session time for long items: x is the word's end in the audio, y its commit lag. A lag that grows
/// over the session (a queue filling up, a context growing) shows as a rising p95 line where the summary's single
/// p95 would hide it. Each configuration gets a p95 line per time bin (over every sample) and a sampled scatter.
/// </summary>
internal static class LagOverTimeChart
{
    public const string Name = "lag-over-time";

    /// <summary>
    /// Scatter points per configuration at most: a 60-minute session has ~9k words; every k-th word (uniform stride
    /// in time order, k = ceil(n / 800)) keeps the shape at ~40 kB per configuration. The p95 line uses every sample.
    /// </summary>
    private const int MaxPoints = 800;

    /// <summary>Bins across the item for the p95 line (at least 10 s each so a bin holds ~25 words).</summary>
    private const int Bins = 120;

    public static string Render(string itemId, IReadOnlyList<(ConfigurationRun Configuration, ItemRun Item, string Color)> runs)
    {
        double audio = runs.Max(r => r.Item.AudioSeconds);
        string title = $"Commit lag over session time, item {itemId} ({Format(audio)} s)";
        var series = runs.Select(r => (
            r.Configuration,
            r.Color,
            Samples: r.Item.WordLags
                .Where(w => w.CommitLagSeconds is not null)
                .Select(w => (X: w.Word.EndSeconds, Y: w.CommitLagSeconds!.Value))
                .OrderBy(p => p.X)
                .ToList(),
            Never: r.Item.WordLags.Count(w => w.CommitLagSeconds is null))).ToList();
        if (series.All(s => s.Samples.Count == 0))
        {
            return SvgPlot.NoData(Name, title, "no committed word with an aligned time in this item", itemId);
        }

        double xMax = Math.Max(audio, series.Max(s => s.Samples.Count > 0 ? s.Samples[^1].X : 0));
        double yMax = series.Where(s => s.Samples.Count > 0).Max(s => Percentiles.Of(s.Samples.Select(p => p.Y), 99)!.Value);
        double yMin = Math.Min(0, series.Where(s => s.Samples.Count > 0).Min(s => s.Samples.Min(p => p.Y)));
        double binSeconds = Math.Max(10, xMax / Bins);

        var plot = new SvgPlot(Name, title, 1300, 380, itemId);
        plot.SetX(0, xMax);
        plot.SetY(yMin, yMax > yMin ? yMax * 1.15 : yMin + 1);
        plot.Axes("word end in the audio (s)", "commit lag (s)");
        var legend = new List<(string, string)>();
        foreach (var s in series)
        {
            int stride = Math.Max(1, (s.Samples.Count + MaxPoints - 1) / MaxPoints);
            legend.Add(($"{s.Configuration.Name} p95 per {Format(binSeconds)} s", s.Color));
            legend.Add(($"{s.Configuration.Name} words{(stride > 1 ? $" (every {stride}th)" : string.Empty)}, {s.Never} never committed", ReportPalette.Light(s.Color)));
        }

        plot.Legend(legend);
        foreach (var s in series)
        {
            int stride = Math.Max(1, (s.Samples.Count + MaxPoints - 1) / MaxPoints);
            string light = ReportPalette.Light(s.Color);
            var points = new System.Text.StringBuilder();
            for (int i = 0; i < s.Samples.Count; i += stride)
            {
                points.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{SvgPlot.F(plot.X(s.Samples[i].X))}\" cy=\"{SvgPlot.F(plot.Y(s.Samples[i].Y))}\" r=\"2\"/>");
            }

            plot.Raw($"<g fill=\"{light}\">{points}</g>");
        }

        foreach (var s in series)
        {
            var p95 = s.Samples
                .GroupBy(p => (int)(p.X / binSeconds))
                .OrderBy(g => g.Key)
                .Select(g => (X: (g.Key + 0.5) * binSeconds, Y: Percentiles.Of(g.Select(p => p.Y), 95)!.Value))
                .ToList();
            plot.Line(p95, s.Color);
        }

        return plot.Finish();
    }

    private static string Format(double seconds) => seconds.ToString("0.#", CultureInfo.InvariantCulture);
}
