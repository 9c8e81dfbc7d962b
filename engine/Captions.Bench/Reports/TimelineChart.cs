using System.Globalization;

namespace Captions.Bench.Reports;

/// <summary>
/// One item's timeline: the reference words as spans on the top row, then per configuration a row with every caption
/// version at the time it was shown: partial versions as short light marks, committed versions as tall marks in the
/// configuration's colour. Hovering a mark shows its text. Long items show their first
/// <see cref="WindowSeconds"/> only: a whole hour at this width would be one grey band.
/// </summary>
internal static class TimelineChart
{
    public const string Name = "timeline";

    /// <summary>Seconds of audio drawn: a minute is ~150 words, about 8 px per word at this width.</summary>
    public const double WindowSeconds = 60;

    /// <summary>
    /// Marks per row at most. Within the window a row rarely has more (120 partials at a 500 ms step); beyond it
    /// every k-th mark is kept (uniform stride, committed and partial separately) so a pathological emitter cannot
    /// blow up the file.
    /// </summary>
    private const int MaxMarksPerRow = 600;

    private const double RowHeight = 40;

    public static string Render(string itemId, IReadOnlyList<(ConfigurationRun Configuration, ItemRun Item, string Color)> runs)
    {
        double audio = runs.Max(r => r.Item.AudioSeconds);
        double window = Math.Min(audio > 0 ? audio : WindowSeconds, WindowSeconds);
        string title = $"Timeline of item {itemId}: reference words and caption versions at their shown time, 0-{Format(window)} s of {Format(audio)} s";
        ItemRun withReference = runs.Select(r => r.Item).FirstOrDefault(i => i.Reference.Count > 0) ?? runs[0].Item;
        if (withReference.Reference.Count == 0 && runs.All(r => r.Item.Emissions.Count == 0))
        {
            return SvgPlot.NoData(Name, title, "no reference words and no caption versions for this item", itemId);
        }

        var plot = new SvgPlot(Name, title, 1300, SvgPlot.MarginTop + ((runs.Count + 1) * RowHeight) + 8 + SvgPlot.MarginBottom, itemId);
        plot.SetX(0, window);
        plot.Axes($"audio time (s), first {Format(window)} s of {Format(audio)} s", null, yTicks: false);
        var legend = new List<(string, string)> { ("reference word", ReportPalette.ReferenceWord) };
        foreach (var run in runs)
        {
            legend.Add(($"{run.Configuration.Name} committed", run.Color));
            legend.Add(($"{run.Configuration.Name} partial", ReportPalette.Light(run.Color)));
        }

        plot.Legend(legend);

        double top = plot.PlotTop + 6;
        plot.Text(plot.PlotLeft - 8, top + 20, "reference", "text-anchor=\"end\"", fontSize: 12);
        if (withReference.Reference.Count == 0)
        {
            plot.Text(plot.PlotLeft + 6, top + 20, "no data: this item has no aligned reference words");
        }

        var words = withReference.Reference.Where(w => w.StartSeconds < window).ToList();
        int wordStride = Stride(words.Count);
        for (int i = 0; i < words.Count; i += wordStride)
        {
            var word = words[i];
            double x0 = plot.X(word.StartSeconds), x1 = plot.X(Math.Min(word.EndSeconds, window));
            string color = i % 2 == 0 ? ReportPalette.ReferenceWord : ReportPalette.ReferenceWordAlternate;
            plot.Rect(x0, top + 4, x1 - x0, RowHeight - 12, color, $"{word.Word} {Format(word.StartSeconds)}-{Format(word.EndSeconds)} s");
            // About 6 px per character at 10 px: label only the words that fit.
            if (x1 - x0 >= (6 * word.Word.Length) + 2)
            {
                plot.Text((x0 + x1) / 2, top + 23, word.Word, "text-anchor=\"middle\"", fontSize: 10);
            }
        }

        for (int r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            double rowTop = top + ((r + 1) * RowHeight);
            plot.Text(plot.PlotLeft - 8, rowTop + 20, run.Configuration.Name, "text-anchor=\"end\"", fontSize: 12);
            var shown = run.Item.Emissions.Where(e => e.ShownSeconds <= window).ToList();
            if (shown.Count == 0)
            {
                plot.Text(plot.PlotLeft + 6, rowTop + 20, "no data: no caption version shown in this window");
                continue;
            }

            string light = ReportPalette.Light(run.Color);
            foreach (bool committed in new[] { false, true })
            {
                var marks = shown.Where(e => e.Committed == committed).ToList();
                int stride = Stride(marks.Count);
                for (int i = 0; i < marks.Count; i += stride)
                {
                    EmissionSample e = marks[i];
                    string tooltip = $"{run.Configuration.Name} v{e.Version} {(committed ? "committed" : "partial")} shown at {Format(e.ShownSeconds)} s: {e.Text}"
                        + (e.Translation is null ? string.Empty : " / " + e.Translation);
                    double x = plot.X(e.ShownSeconds);
                    if (committed)
                    {
                        plot.Rect(x - 1.5, rowTop + 4, 3, RowHeight - 12, run.Color, tooltip);
                    }
                    else
                    {
                        plot.Rect(x - 1, rowTop + 4, 2, (RowHeight - 12) / 2, light, tooltip);
                    }
                }
            }
        }

        return plot.Finish();
    }

    private static int Stride(int count) => Math.Max(1, (count + MaxMarksPerRow - 1) / MaxMarksPerRow);

    private static string Format(double seconds) => seconds.ToString("0.#", CultureInfo.InvariantCulture);
}
