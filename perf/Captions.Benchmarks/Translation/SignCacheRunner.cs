using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Captions.Engine.Captioning;
using Captions.Engine.Pipeline;
using Captions.Engine.Timing;
using Captions.Engine.Translation;
using Captions.Translation.Apertium;
using Spectre.Console;

namespace Captions.Benchmarks.Translation;

/// <summary>
/// `dotnet run -c Release --project perf/Captions.Benchmarks -- sign-cache`: replays a walk past station and cafe signs
/// (Translation/sign-walk.txt: one line per camera frame that read a sign, with OCR-style case and spacing changes)
/// through the real translator stage with Apertium (en->es), and reports how many readings the LRU cache served, and
/// what a translated reading costs against a cached one.
/// </summary>
public static class SignCacheRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Translation", "sign-walk.txt");
        var readings = File.ReadLines(file).Where(l => l.Length > 0 && l[0] != '#').ToList();
        await using var apertium = new ApertiumTranslator();
        if (!apertium.Supports("en", "es"))
        {
            AnsiConsole.MarkupLine("[red]Apertium has no en->es pair: run ./scripts/bootstrap.sh[/]");
            return 1;
        }

        var clock = new PipelineClock(TimeProvider.System);
        var stage = new TranslatorStage(apertium, new TranslatorStageOptions { SourceLanguage = "en", TargetLanguage = "es", TranslatePartials = false }, clock);
        var input = Channel.CreateUnbounded<CaptionLine>();
        var output = new PipelineBuilder(clock).AddEdge<CaptionLine>(EdgeOptions.Messages("signs", readings.Count + 8));
        var run = Task.Run(() => stage.RunAsync(input.Reader, output, CancellationToken.None));
        var translated = new List<double>();
        var cached = new List<double>();
        for (var i = 0; i < readings.Count; i++)
        {
            var requestsBefore = stage.Requests;
            var start = Stopwatch.GetTimestamp();
            input.Writer.TryWrite(new CaptionLine(i + 1, 0, CaptionState.Committed, readings[i], TimeSpan.Zero, TimeSpan.Zero, [], new LatencyStamps { Captured = start }));
            CaptionLine line;
            do
            {
                line = await output.Reader.ReadAsync();
            }
            while (!line.IsCommitted);

            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            (stage.Requests > requestsBefore ? translated : cached).Add(ms);
        }

        input.Writer.Complete();
        await run;
        var distinct = readings.Select(TranslationCache.Normalize).Distinct(StringComparer.Ordinal).Count();
        var table = new Table().Title("sign walk through the translator stage, Apertium en->es, LRU cache").AddColumns("measure", "value");
        table.AddRow("readings (camera frames that read a sign)", $"{readings.Count}");
        table.AddRow("distinct after normalisation", $"{distinct}");
        table.AddRow("translator requests", $"{stage.Requests}");
        table.AddRow("cache hits", $"{stage.Cache.Hits}");
        table.AddRow("hit ratio", F(stage.Cache.Hits / (double)readings.Count));
        table.AddRow("translated reading p50 / p95 ms", $"{P(translated, 0.5)} / {P(translated, 0.95)}");
        table.AddRow("cached reading p50 / p95 ms", $"{P(cached, 0.5)} / {P(cached, 0.95)}");
        AnsiConsole.Write(table);
        return 0;
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string P(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return "-";
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))].ToString("0.00", CultureInfo.InvariantCulture);
    }
}
