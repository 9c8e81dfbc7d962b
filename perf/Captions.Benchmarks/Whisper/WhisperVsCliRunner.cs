using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Captions.Engine.Audio;
using Captions.Engine.Hosting;
using Captions.Native.Whisper;
using Captions.TestKit.Models;
using Spectre.Console;

namespace Captions.Benchmarks.Whisper;

/// <summary>
/// `dotnet run -c Release --project perf/Captions.Benchmarks -- whisper-vs-cli [--rounds N] [--model tiny|base]`:
/// writes a random-weight model with tiny's (or base's) real dimensions, then decodes jfk.wav N times with our binding
/// and with whisper-cli built from the same source, interleaved ABBA so both see the same machine load; prints each round's pair and the spread of the paired ratios.
/// </summary>
/// <remarks>
/// Same work on both sides: 2 threads, greedy (-bs 1; whisper-cli's default is beam search 5), language en, no
/// temperature fallback (-nf; with fallback random weights decode to the token limit at six temperatures, ~30 s).
/// whisper-cli has no per-segment token cap, so neither side caps: greedy decoding is deterministic and both decode
/// the same tokens (the runner checks the transcripts are identical). whisper-cli's wall time includes process start
/// and model load, so the comparison uses its own printed timings: total minus load = mel + encode + decode, the work
/// our Process call does. Our decodes are issued from thread-pool threads, as in the pipeline: before every decode ran
/// on one compute thread (GgmlComputeThread) that alone cost 10-28% against whisper-cli.
/// </remarks>
public static partial class WhisperVsCliRunner
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args));

    private static int Run(string[] args)
    {
        int rounds = 12;
        WhisperModelDimensions dimensions = WhisperModelDimensions.TinyDims;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--rounds":
                    rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--model":
                    dimensions = args[i + 1] == "base" ? WhisperModelDimensions.BaseDims : WhisperModelDimensions.TinyDims;
                    break;
            }
        }

        var paths = CaptionsPaths.FromEnvironment();
        if (!File.Exists(paths.WhisperCliPath) || !File.Exists(paths.JfkWavPath))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{paths.WhisperCliPath} or {paths.JfkWavPath} is missing: run ./scripts/bootstrap.sh[/]");
            return 1;
        }

        long writeStart = Stopwatch.GetTimestamp();
        string model = WhisperModelWriter.WriteTemporary(dimensions, seed: 1);
        TimeSpan writeTime = Stopwatch.GetElapsedTime(writeStart);
        try
        {
            float[] jfk = AudioFile.ReadMono16k(paths.JfkWavPath);
            long loadStart = Stopwatch.GetTimestamp();
            using WhisperFactory factory = WhisperFactory.FromPath(model, new WhisperFactoryOptions { LibraryDirectory = paths.WhisperLibraryDirectory });
            TimeSpan ourLoad = Stopwatch.GetElapsedTime(loadStart);
            using WhisperProcessor processor = factory.CreateBuilder().WithThreads(2).WithLanguage("en").WithTemperatureFallback(false).Build();

            var ours = new List<double>();
            var cliWall = new List<double>();
            var cliWork = new List<double>();
            var cliLoad = new List<double>();
            var cliEncode = new List<double>();
            string? ourText = null;
            string? cliText = null;
            processor.Process(jfk); // warm-up: first-call allocations of the compute buffers
            var pairRatios = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                // ABBA: odd rounds run whisper-cli first, so neither side always follows the other (a CLI process
                // exiting, page cache and CPU frequency state would otherwise bias one side).
                CliRun? cli = null;
                if (round % 2 == 1)
                {
                    cli = RunCli(paths.WhisperCliPath, model, paths.JfkWavPath);
                }

                long start = Stopwatch.GetTimestamp();
                // From a thread-pool thread, as the pipeline's recogniser stage calls it (GgmlComputeThread).
                WhisperResult result = Task.Run(() => processor.Process(jfk)).GetAwaiter().GetResult();
                double ourMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                ours.Add(ourMs);
                ourText = string.Concat(result.Segments.Select(s => s.Text)).Trim();

                cli ??= RunCli(paths.WhisperCliPath, model, paths.JfkWavPath);
                cliWall.Add(cli.WallMs);
                cliLoad.Add(cli.LoadMs);
                cliWork.Add(cli.TotalMs - cli.LoadMs);
                cliEncode.Add(cli.EncodeMs);
                cliText = cli.Text;
                pairRatios.Add(ourMs / (cli.TotalMs - cli.LoadMs));
                AnsiConsole.WriteLine(FormattableString.Invariant($"round {round + 1}/{rounds}: ours {ourMs:F0} ms, whisper-cli {cli.TotalMs - cli.LoadMs:F0} ms, ratio {pairRatios[^1]:F3}"));
            }

            Print(dimensions, rounds, writeTime, ourLoad, ours, cliWall, cliLoad, cliWork, cliEncode, pairRatios);
            bool same = string.Equals(Normalize(ourText), Normalize(cliText), StringComparison.Ordinal);
            AnsiConsole.MarkupLineInterpolated($"transcripts identical: {(same ? "yes" : "NO")} ({Normalize(ourText).Length} chars)");
            if (!same)
            {
                AnsiConsole.WriteLine($"ours: {ourText}");
                AnsiConsole.WriteLine($"cli:  {cliText}");
            }
        }
        finally
        {
            File.Delete(model);
        }

        return 0;
    }

    private static string Normalize(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void Print(
        WhisperModelDimensions d, int rounds, TimeSpan write, TimeSpan ourLoad, List<double> ours, List<double> cliWall,
        List<double> cliLoad, List<double> cliWork, List<double> cliEncode, List<double> pairRatios)
    {
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]jfk.wav (11 s), S={d.State} {d.Heads} heads {d.AudioLayers}+{d.TextLayers} layers f16, 2 threads, greedy, no fallback, {rounds} rounds (median)[/]");
        AnsiConsole.WriteLine($"model write: {write.TotalMilliseconds:F0} ms; our load (FromPath): {ourLoad.TotalMilliseconds:F0} ms; cli load (its timings): {Median(cliLoad):F0} ms");
        var table = new Table().AddColumns("measure", "median ms", "min ms", "max ms");
        void Row(string name, List<double> values) => table.AddRow(name, $"{Median(values):F0}", $"{values.Min():F0}", $"{values.Max():F0}");
        Row("ours: Process (mel+encode+decode)", ours);
        Row("whisper-cli: total - load (its timings)", cliWork);
        Row("whisper-cli: encode (its timings)", cliEncode);
        Row("whisper-cli: process wall (start+load+run)", cliWall);
        AnsiConsole.Write(table);
        double ratio = Median(ours) / Median(cliWork);
        AnsiConsole.MarkupLineInterpolated($"ours / whisper-cli (like for like, ratio of medians): [bold]{ratio:F3}[/] ({(ratio <= 1.05 ? "within the 5% budget: ours is at most 5% slower" : "OVER the 5% budget")})");
        AnsiConsole.WriteLine(FormattableString.Invariant(
            $"paired ratios (each round's two runs back to back): median {Median(pairRatios):F3}, quartiles {Quantile(pairRatios, 0.25):F3}-{Quantile(pairRatios, 0.75):F3}, min {pairRatios.Min():F3}, max {pairRatios.Max():F3}"));
    }

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        double position = q * (sorted.Count - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static CliRun RunCli(string cli, string model, string wav)
    {
        var info = new ProcessStartInfo(cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "-m", model, "-f", wav, "-t", "2", "-nf", "-bs", "1", "-l", "en" })
        {
            info.ArgumentList.Add(arg);
        }

        long start = Stopwatch.GetTimestamp();
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {cli}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string log = process.StandardError.ReadToEnd();
        process.WaitForExit();
        double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{cli} exited with {process.ExitCode}: {log}");
        }

        // stdout lines are "[00:00:00.000 --> 00:00:11.000]   text": keep the text (-nt would change the decode).
        string text = string.Join(' ', stdout.GetAwaiter().GetResult().Split('\n').Select(l => TimestampPrefix().Replace(l, string.Empty)));
        return new CliRun(wall, Timing(log, "load"), Timing(log, "total"), Timing(log, "encode"), text.Trim());
    }

    // whisper_print_timings: "whisper_print_timings:    total time =  1234.56 ms"
    private static double Timing(string log, string name)
    {
        Match match = Regex.Match(log, $@"{name} time =\s*([0-9.]+) ms");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    [GeneratedRegex(@"^\[[^\]]*\]\s*")]
    private static partial Regex TimestampPrefix();

    private sealed record CliRun(double WallMs, double LoadMs, double TotalMs, double EncodeMs, string Text);
}
