using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Reports;

/// <summary>
/// Cumulative distribution of a per-word lag (word end to first shown, or to commit), one line per configuration.
/// The y axis is the fraction of all reference words, so words never shown keep the curve below 1: the gap at the
/// right edge is the missing-word rate, which a CDF over shown words alone would hide.
/// </summary>
internal static class CdfChart
{
    /// <summary>At most this many steps per line: a 60-minute session has ~10k words, and 400 quantile steps draw the same curve at this width.</summary>
    private const int MaxSteps = 400;

    public static string Render(BenchReport report, string name, string what, Func<WordLagSample, double?> lag)
    {
        string title = $"Cumulative distribution of word end -> {what} lag, per configuration (s)";
        var series = report.Configurations.Select((c, index) =>
        {
            List<WordLagSample> words = c.Items.SelectMany(i => i.WordLags).ToList();
            double[] values = words.Select(lag).Where(v => v is not null).Select(v => v!.Value).Order().ToArray();
            return (Configuration: c, Color: ReportPalette.Series(index), Total: words.Count, Values: values);
        }).ToList();

        if (series.All(s => s.Total == 0))
        {
            return SvgPlot.NoData(name, title, "no reference word has an aligned time, so word lags were not measured");
        }

        if (series.All(s => s.Values.Length == 0))
        {
            return SvgPlot.NoData(name, title, $"no reference word was ever {what}");
        }

        // Clip the x axis at the largest p99 so one stuck word does not squash every curve against the left edge;
        // lines run on to the right edge when they go beyond it.
        double xMax = series.Where(s => s.Values.Length > 0).Max(s => Percentiles.Of(s.Values, 99)!.Value);
        double xMin = Math.Min(0, series.Where(s => s.Values.Length > 0).Min(s => s.Values[0]));
        var plot = new SvgPlot(name, title, 640, 340);
        plot.SetX(xMin, xMax > xMin ? xMax * 1.1 : xMin + 1);
        plot.SetY(0, 1);
        plot.Axes($"seconds from the word's end in the audio to {what} (s)", "fraction of reference words");
        plot.Legend(series.Select(s => ($"{s.Configuration.Name} ({s.Total - s.Values.Length} of {s.Total} never)", s.Color)));
        foreach (var s in series.Where(s => s.Values.Length > 0))
        {
            plot.Line(Steps(s.Values, s.Total, xMin), s.Color);
        }

        return plot.Finish();
    }

    private static IEnumerable<(double X, double Y)> Steps(double[] sorted, int total, double xMin)
    {
        int steps = Math.Min(sorted.Length, MaxSteps);
        double previous = 0;
        yield return (xMin, 0);
        for (int j = 0; j < steps; j++)
        {
            // The j-th of `steps` evenly spaced ranks; the last is always the largest value.
            int k = steps == 1 ? sorted.Length - 1 : (int)Math.Round((double)j * (sorted.Length - 1) / (steps - 1));
            double fraction = (double)(k + 1) / total;
            yield return (sorted[k], previous);
            yield return (sorted[k], fraction);
            previous = fraction;
        }

        yield return (double.MaxValue, previous);
    }
}
