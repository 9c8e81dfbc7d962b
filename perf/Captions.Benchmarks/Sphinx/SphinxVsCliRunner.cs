using System.Diagnostics;
using System.Globalization;
using Captions.Bench.Corpus;
using Captions.Bench.Peers;
using Captions.Engine.Audio;
using Captions.Engine.Metrics;
using Captions.Engine.Output;
using Captions.Engine.Speech;
using Captions.Engine.Stages;
using Captions.Engine.Timing;
using Captions.Engine.Vad;
using Captions.Speech.Sphinx;
using Spectre.Console;

namespace Captions.Benchmarks.Sphinx;

/// <summary>
/// `dotnet run -c Release --project perf/Captions.Benchmarks -- sphinx-vs-cli [--rounds N]`: the five LibriVox
/// clips through (a) our SphinxRecognizer fed 20 ms chunks (default options, then with pocketsphinx's second pass)
/// (b) the full conversation pipeline (VAD, channels, the same recogniser) on the file,
/// and (c) Debian's pocketsphinx_continuous on the file, interleaved clip by clip in one run so both see the same
/// machine load. Reports wall and CPU time (median over rounds) and WER per clip and for the corpus.
/// </summary>
/// <remarks>
/// The CLI's wall time includes starting a process and loading the models (~1 s); ours excludes the one-time load,
/// which is shown separately, because a live pipeline loads once and decodes for hours.
/// </remarks>
/// <summary>A reference recording with its samples loaded once for the whole run.</summary>
internal sealed record LibriVoxSample(string Id, string WavPath, string Reference, float[] Samples)
{
    public TimeSpan Duration => AudioFormat.SamplesToTime(Samples.Length);
}

public static class SphinxVsCliRunner
{
    private const string Cli = "/usr/bin/pocketsphinx_continuous";

    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = args.Length >= 2 && args[0] == "--rounds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        if (!File.Exists(Cli))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{Cli} is missing: install pocketsphinx (./scripts/bootstrap.sh)[/]");
            return 1;
        }

        List<LibriVoxSample> clips = [.. ReferenceCorpus.Load().Select(r => new LibriVoxSample(r.Id, r.WavPath, r.Reference, r.ReadMono16k()))];
        (SphinxRecognizer streaming, TimeSpan streamingLoad) = Load(new SphinxRecognizerOptions());
        (SphinxRecognizer secondPass, TimeSpan secondPassLoad) = Load(new SphinxRecognizerOptions { SecondPass = true });

        // Its own instance: pocketsphinx's live CMN adapts to what a decoder has heard, so sharing `streaming` would let
        // the pipeline decode each clip right after the same decoder adapted to that very clip.
        (SphinxRecognizer pipelineRecognizer, _) = Load(new SphinxRecognizerOptions());
        using (streaming)
        using (secondPass)
        using (pipelineRecognizer)
        {
            var results = clips.Select(c => new ClipResult(c)).ToList();
            for (int round = 0; round < rounds; round++)
            {
                foreach (ClipResult result in results)
                {
                    result.Ours.Add(Decode(streaming, result.Clip));
                    result.OursSecondPass.Add(Decode(secondPass, result.Clip));
                    result.Cli.Add(await RunCliAsync(result.Clip));
                    result.Pipeline.Add(await RunPipelineAsync(pipelineRecognizer, result.Clip));
                }
            }

            Print(results, rounds, streamingLoad, secondPassLoad);
        }

        return 0;
    }

    private static (SphinxRecognizer Recognizer, TimeSpan Load) Load(SphinxRecognizerOptions options)
    {
        long start = Stopwatch.GetTimestamp();
        var recognizer = new SphinxRecognizer(options);
        return (recognizer, Stopwatch.GetElapsedTime(start));
    }

    private static Measurement Decode(ISpeechRecognizer recognizer, LibriVoxSample clip)
    {
        TimeSpan cpuStart = CpuTime.CurrentThread;
        long start = Stopwatch.GetTimestamp();
        recognizer.StartUtterance(TimeSpan.Zero);
        ReadOnlySpan<float> samples = clip.Samples;
        for (int offset = 0; offset < samples.Length; offset += AudioFormat.FrameSamples)
        {
            recognizer.AcceptAudio(samples.Slice(offset, Math.Min(AudioFormat.FrameSamples, samples.Length - offset)));
        }

        long endStart = Stopwatch.GetTimestamp();
        SpeechHypothesis final = recognizer.EndUtterance();
        long end = Stopwatch.GetTimestamp();
        return new Measurement(
            final.Text,
            Stopwatch.GetElapsedTime(start, end),
            CpuTime.CurrentThread - cpuStart,
            Stopwatch.GetElapsedTime(endStart, end));
    }

    /// <summary>
    /// The whole conversation pipeline on the file: WAV reader, resampler, 20 ms frames over channels, energy VAD and
    /// segmenter, the same recogniser, sinks. CPU is the process's (the stages run on pool threads).
    /// </summary>
    private static async Task<Measurement> RunPipelineAsync(SphinxRecognizer recognizer, LibriVoxSample clip)
    {
        var clock = new PipelineClock(TimeProvider.System);
        var transcript = new TranscriptCollector();
        TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        await using var source = new WavFileSource(clip.WavPath, AudioPacing.Fast, clock);
        await ConversationPipeline.RunAsync(
            new ConversationOptions
            {
                Source = source,
                Detector = new EnergyVoiceActivityDetector(),
                Recognizer = recognizer,
                Sinks = [transcript],
                Clock = clock,
            },
            CancellationToken.None);
        TimeSpan wall = Stopwatch.GetElapsedTime(start);
        return new Measurement(transcript.Text, wall, Process.GetCurrentProcess().TotalProcessorTime - cpuStart, null);
    }

    // The bench harness's peer: same command line, wall and reaped-child CPU, transcript joined from stdout lines.
    private static async Task<Measurement> RunCliAsync(LibriVoxSample clip)
    {
        var item = new CorpusItem(clip.Id, clip.WavPath, "real", "en") { DurationSeconds = clip.Duration.TotalSeconds };
        PeerRun run = await new PocketSphinxPeer { Executable = Cli }.RunAsync([item], "ours", CancellationToken.None);
        PeerItem result = run.Error is null ? run.Items[0] : throw new InvalidOperationException(run.Error);
        if (result.Error is not null)
        {
            throw new InvalidOperationException(result.Error);
        }

        return new Measurement(result.Hypothesis, TimeSpan.FromSeconds(result.WallSeconds), TimeSpan.FromSeconds(result.CpuSeconds), null);
    }

    private static void Print(List<ClipResult> results, int rounds, TimeSpan streamingLoad, TimeSpan secondPassLoad)
    {
        var perClip = new Table().Border(TableBorder.Rounded)
            .Title($"pocketsphinx en-us, {results.Count} LibriVox clips, median of {rounds} round(s)")
            .AddColumns("clip", "audio s", "engine", "wall ms", "cpu ms", "end-utt ms", "WER");
        var engines = new (string Name, Func<ClipResult, List<Measurement>> Select)[]
        {
            ("ours", r => r.Ours),
            ("ours+2nd", r => r.OursSecondPass),
            ("pipeline", r => r.Pipeline),
            ("CLI", r => r.Cli),
        };
        var totals = new (WordErrorCounts Errors, TimeSpan Wall, TimeSpan Cpu)[engines.Length];
        TimeSpan audio = TimeSpan.Zero;
        foreach (ClipResult r in results)
        {
            audio += r.Clip.Duration;
            for (int e = 0; e < engines.Length; e++)
            {
                List<Measurement> runs = engines[e].Select(r);
                WordErrorCounts errors = WordErrorRate.Compute(r.Clip.Reference, runs[0].Text);
                TimeSpan wall = Median(runs, m => m.Wall), cpu = Median(runs, m => m.Cpu);
                totals[e] = (totals[e].Errors + errors, totals[e].Wall + wall, totals[e].Cpu + cpu);
                perClip.AddRow(
                    e == 0 ? r.Clip.Id[^4..] : string.Empty,
                    e == 0 ? $"{r.Clip.Duration.TotalSeconds:F2}" : string.Empty,
                    engines[e].Name,
                    $"{wall.TotalMilliseconds:F0}",
                    $"{cpu.TotalMilliseconds:F0}",
                    runs[0].EndUtterance is null ? "-" : $"{Median(runs, m => m.EndUtterance ?? TimeSpan.Zero).TotalMilliseconds:F0}",
                    Percent(errors));
            }
        }

        AnsiConsole.Write(perClip);
        var corpus = new Table().Border(TableBorder.Rounded)
            .Title($"corpus: {audio.TotalSeconds:F2} s of audio, 71 reference words")
            .AddColumns("engine", "wall ms", "cpu ms", "RTF", "CLI/engine wall", "WER");
        for (int e = 0; e < engines.Length; e++)
        {
            corpus.AddRow(
                engines[e].Name,
                $"{totals[e].Wall.TotalMilliseconds:F0}",
                $"{totals[e].Cpu.TotalMilliseconds:F0}",
                $"{totals[e].Wall / audio:F2}",
                $"{totals[^1].Wall / totals[e].Wall:F2}x",
                Percent(totals[e].Errors));
        }

        AnsiConsole.Write(corpus);
        AnsiConsole.MarkupLineInterpolated(
            $"ours and ours+2nd exclude their one-time model load ({streamingLoad.TotalMilliseconds:F0} / {secondPassLoad.TotalMilliseconds:F0} ms); the CLI loads per clip. CLI / (ours + one load): {totals[^1].Wall / (totals[0].Wall + streamingLoad):F2}x.");
        foreach (ClipResult r in results)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]{r.Clip.Id}[/]");
            AnsiConsole.MarkupLineInterpolated($"  ref:      {r.Clip.Reference}");
            for (int e = 0; e < engines.Length; e++)
            {
                AnsiConsole.MarkupLineInterpolated($"  {engines[e].Name + ":",-9} {engines[e].Select(r)[0].Text}");
            }
        }

        static string Percent(WordErrorCounts counts) => $"{counts.Rate * 100:F1}% ({counts.Errors}/{counts.ReferenceWords})";
    }

    private static TimeSpan Median(List<Measurement> measurements, Func<Measurement, TimeSpan> select)
    {
        var sorted = measurements.Select(select).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private sealed record Measurement(string Text, TimeSpan Wall, TimeSpan Cpu, TimeSpan? EndUtterance);

    private sealed record ClipResult(LibriVoxSample Clip)
    {
        public List<Measurement> Ours { get; } = [];

        public List<Measurement> OursSecondPass { get; } = [];

        public List<Measurement> Cli { get; } = [];

        public List<Measurement> Pipeline { get; } = [];
    }
}
