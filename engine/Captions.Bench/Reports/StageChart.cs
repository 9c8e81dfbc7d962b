using System.Globalization;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Reports;

/// <summary>
/// Per-stage latency breakdown: for each configuration a stacked horizontal bar of the median seconds from audio
/// captured to recognised (asr - captured), to translated (mt - asr) and to presented (presented - mt, or - asr
/// without a translator), over every caption version, partial and committed. Medians of the parts do not sum to the
/// median of the whole; the bar shows where time typically goes, the CDFs show the end-to-end distribution.
/// </summary>
internal static class StageChart
{
    public const string Name = "stage-breakdown";
    private const double RowHeight = 34;

    public static string Render(BenchReport report)
    {
        const string title = "Median latency per pipeline stage, per configuration (s)";
        var rows = report.Configurations.Select(c =>
        {
            List<EmissionSample> emissions = c.Items.SelectMany(i => i.Emissions).ToList();
            return (
                Configuration: c,
                Versions: emissions.Count,
                Recognised: Percentiles.Of(emissions.Select(e => e.AsrSeconds - e.CapturedSeconds), 50),
                Translated: Percentiles.Of(emissions.Where(e => e.MtSeconds is not null).Select(e => e.MtSeconds!.Value - e.AsrSeconds), 50),
                Presented: Percentiles.Of(emissions.Where(e => e.PresentedSeconds is not null).Select(e => e.PresentedSeconds!.Value - (e.MtSeconds ?? e.AsrSeconds)), 50));
        }).ToList();

        if (rows.All(r => r.Versions == 0))
        {
            return SvgPlot.NoData(Name, title, "no caption versions were emitted, so there are no stage stamps");
        }

        double widest = rows.Max(r => Math.Max(0, r.Recognised ?? 0) + Math.Max(0, r.Translated ?? 0) + Math.Max(0, r.Presented ?? 0));
        var plot = new SvgPlot(Name, title, 1300, SvgPlot.MarginTop + (rows.Count * RowHeight) + 8 + SvgPlot.MarginBottom);
        // 30 % headroom on the right for the total label.
        plot.SetX(0, widest > 0 ? widest * 1.3 : 1);
        plot.Axes("median seconds after the newest audio in the version was captured (s)", null, yTicks: false);
        plot.Legend([
            ("captured -> recognised (asr - captured)", ReportPalette.Recognised),
            ("-> translated (mt - asr)", ReportPalette.Translated),
            ("-> presented (presented - mt)", ReportPalette.Presented),
        ]);

        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            double top = plot.PlotTop + 6 + (i * RowHeight);
            plot.Text(plot.PlotLeft - 8, top + 15, row.Configuration.Name, "text-anchor=\"end\"", fontSize: 12);
            double start = 0;
            foreach ((string stage, double? seconds, string color) in new[]
            {
                ("recognised", row.Recognised, ReportPalette.Recognised),
                ("translated", row.Translated, ReportPalette.Translated),
                ("presented", row.Presented, ReportPalette.Presented),
            })
            {
                if (seconds is not { } s || s <= 0)
                {
                    continue;
                }

                double x0 = plot.X(start), x1 = plot.X(start + s);
                plot.Rect(x0, top, x1 - x0, RowHeight - 12, color, $"{row.Configuration.Name}: {stage} {Format(s)} s (median)");
                if (x1 - x0 > 44)
                {
                    plot.Text((x0 + x1) / 2, top + 15, Format(s), "text-anchor=\"middle\" fill=\"#fff\"");
                }

                start += s;
            }

            string missing = string.Join(", ", new[]
            {
                row.Versions == 0 ? "no versions" : null,
                row.Translated is null && row.Versions > 0 ? "MT not measured" : null,
                row.Presented is null && row.Versions > 0 ? "presented not measured" : null,
            }.Where(m => m is not null));
            plot.Text(plot.X(start) + 6, top + 15, $"{Format(start)} s{(missing.Length > 0 ? " (" + missing + ")" : string.Empty)}");
        }

        return plot.Finish();
    }

    private static string Format(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
