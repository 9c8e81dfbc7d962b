using System.Diagnostics;
using System.Globalization;
using Captions.Engine.Translation;
using Captions.Translation.Apertium;
using Spectre.Console;

namespace Captions.Benchmarks.Translation;

/// <summary>
/// `dotnet run -c Release --project perf/Captions.Benchmarks -- apertium [--rounds N] [--from en] [--to es]`: time per
/// caption through Apertium with the warm null-flush pipeline and with a pipeline per request, same sentences, same
/// run, rounds alternating warm/per-request/per-request/warm so both see the same machine load.
/// </summary>
/// <remarks>
/// Each caption is timed from TranslateAsync to its one complete update (Apertium is not incremental, so time to
/// first token = time to full translation). The warm side's first request (process start + dictionary load) is
/// reported separately and left out of its percentiles: a caption session pays it once.
/// </remarks>
public static class ApertiumRunner
{
    private static readonly string[] s_captions =
    [
        "Good morning everyone, thank you for coming.", "Let's get started with today's agenda.",
        "The train to Barcelona leaves from platform four.", "Please keep your belongings with you at all times.",
        "Where is the nearest pharmacy?", "I would like a table for two, please.",
        "The museum opens at ten and closes at six.", "Can you tell me how to get to the station?",
        "We are going to the beach tomorrow.", "My brother lives in Madrid with his wife.",
        "The meeting has been moved to Thursday afternoon.", "How much does this ticket cost?",
        "The weather will be sunny with a light breeze.", "Turn left at the second traffic light.",
        "I don't understand, could you repeat that?", "The flight is delayed by forty minutes.",
        "Our next speaker works on machine translation.", "Thank you very much for your help.",
        "The exit is at the back of the building.", "Do you have this in a smaller size?",
        "I am looking for the city hall.", "The children are playing in the park.",
        "This restaurant serves fresh fish every day.", "We need to buy bread and milk.",
        "The bus stops in front of the hotel.", "Please switch off your mobile phones.",
        "The doctor will see you in a few minutes.", "It is raining, so take an umbrella.",
        "The library is closed on Sundays.", "She has been learning Spanish for two years.",
        "The concert starts at nine in the evening.", "Could you speak a little more slowly?",
        "The shop on the corner sells newspapers.", "We arrived at the airport very early.",
        "The coffee here is very good.", "My phone battery is almost empty.",
        "Is there a bank near here?", "The room has a view of the sea.",
        "He forgot his keys at home again.", "The water is too cold for swimming.",
        "Tickets are available at the entrance.", "The river runs through the old town.",
        "I will call you when I get home.", "Dinner is served from eight o'clock.",
        "The bridge was built in the twelfth century.", "Please wait here until your name is called.",
        "The market is open every Saturday morning.", "Our hotel is next to the cathedral.",
        "The last train leaves at midnight.", "See you tomorrow at the same time.",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = 2;
        string from = "en";
        string to = "es";
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--rounds":
                    rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--from":
                    from = args[i + 1];
                    break;
                case "--to":
                    to = args[i + 1];
                    break;
            }
        }

        await using var warm = new ApertiumTranslator();
        await using var perRequest = new ApertiumTranslator(new ApertiumOptions { UseWarmProcess = false });
        if (!warm.Supports(from, to))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Apertium has no {from}->{to} pair installed: run ./scripts/bootstrap.sh[/]");
            return 1;
        }

        long coldStart = Stopwatch.GetTimestamp();
        string first = await TranslateAsync(warm, s_captions[0], from, to);
        double warmStartMs = Stopwatch.GetElapsedTime(coldStart).TotalMilliseconds;
        AnsiConsole.MarkupLineInterpolated($"warm pipeline first request (start + dictionary load): {warmStartMs:0} ms -> \"{first}\"");

        var warmTimes = new List<double>();
        var perRequestTimes = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            bool warmFirst = round % 2 == 0;
            await TimeAllAsync(warmFirst ? warm : perRequest, from, to, warmFirst ? warmTimes : perRequestTimes, warmFirst ? null : warm);
            await TimeAllAsync(warmFirst ? perRequest : warm, from, to, warmFirst ? perRequestTimes : warmTimes, warmFirst ? warm : null);
        }

        var table = new Table().AddColumns("mode", "captions", "p50 ms", "p95 ms", "mean ms");
        AddRow(table, "warm null-flush pipeline", warmTimes);
        AddRow(table, "pipeline per request", perRequestTimes);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"per-request / warm: p50 {Percentile(perRequestTimes, 0.50) / Percentile(warmTimes, 0.50):0.0}x, mean {perRequestTimes.Average() / warmTimes.Average():0.0}x");
        return 0;
    }

    private static async Task TimeAllAsync(ApertiumTranslator translator, string from, string to, List<double> times, ApertiumTranslator? reference)
    {
        foreach (string caption in s_captions)
        {
            long start = Stopwatch.GetTimestamp();
            string text = await TranslateAsync(translator, caption, from, to);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (reference is not null && text != await TranslateAsync(reference, caption, from, to))
            {
                throw new InvalidOperationException($"Warm and per-request Apertium disagree on \"{caption}\".");
            }
        }
    }

    private static async Task<string> TranslateAsync(ApertiumTranslator translator, string text, string from, string to)
    {
        string result = string.Empty;
        await foreach (TranslationUpdate update in translator.TranslateAsync(new TranslationRequest(text, from, to), CancellationToken.None))
        {
            result = update.Text;
        }

        return result;
    }

    private static void AddRow(Table table, string mode, List<double> times) => table.AddRow(
        mode,
        times.Count.ToString(CultureInfo.InvariantCulture),
        Percentile(times, 0.50).ToString("0.0", CultureInfo.InvariantCulture),
        Percentile(times, 0.95).ToString("0.0", CultureInfo.InvariantCulture),
        times.Average().ToString("0.0", CultureInfo.InvariantCulture));

    private static double Percentile(List<double> values, double fraction)
    {
        double[] sorted = [.. values.Order()];
        int index = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
