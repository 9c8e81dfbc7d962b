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
/// and with whisper-cli built from the same source, interleaved so both see the same machine load.
/// </summary>
/// <remarks>
/// Same work on both sides: 2 threads, greedy (-bs 1; whisper-cli's default is beam search 5), language en, no
/// temperature fallback (-nf; with fallback random weights decode to the token limit at six temperatures, ~30 s).
/// whisper-cli has no per-segment token cap, so neither side caps: greedy decoding is deterministic and both decode
/// the same tokens (the runner checks the transcripts are identical). whisper-cli's wall time includes process start
/// and model load, so the comparison uses its own printed timings: total minus load = mel + encode + decode, the work
/// our Process call does.
/// </remarks>
public static partial class WhisperVsCliRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = 5;
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
            for (int round = 0; round < rounds; round++)
            {
                long start = Stopwatch.GetTimestamp();
                WhisperResult result = processor.Process(jfk);
                ours.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                ourText = string.Concat(result.Segments.Select(s => s.Text)).Trim();

                CliRun cli = await RunCliAsync(paths.WhisperCliPath, model, paths.JfkWavPath);
                cliWall.Add(cli.WallMs);
                cliLoad.Add(cli.LoadMs);
                cliWork.Add(cli.TotalMs - cli.LoadMs);
                cliEncode.Add(cli.EncodeMs);
                cliText = cli.Text;
            }

            Print(dimensions, rounds, writeTime, ourLoad, ours, cliWall, cliLoad, cliWork, cliEncode);
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
        List<double> cliLoad, List<double> cliWork, List<double> cliEncode)
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
        AnsiConsole.MarkupLineInterpolated($"ours / whisper-cli (like for like): [bold]{ratio:F3}[/] ({(Math.Abs(ratio - 1) <= 0.05 ? "within" : "outside")} 5%)");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static async Task<CliRun> RunCliAsync(string cli, string model, string wav)
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
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        string log = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{cli} exited with {process.ExitCode}: {log}");
        }

        // stdout lines are "[00:00:00.000 --> 00:00:11.000]   text": keep the text (-nt would change the decode).
        string text = string.Join(' ', (await stdout).Split('\n').Select(l => TimestampPrefix().Replace(l, string.Empty)));
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
