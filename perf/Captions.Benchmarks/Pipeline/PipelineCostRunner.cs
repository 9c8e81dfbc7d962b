using System.Diagnostics;
using System.Threading.Channels;
using Captions.Engine.Audio;
using Captions.Engine.Metrics;
using Captions.Engine.Output;
using Captions.Engine.Pipeline;
using Captions.Engine.Stages;
using Captions.Engine.Timing;
using Captions.Engine.Vad;
using Captions.Speech.Sphinx;
using Spectre.Console;

namespace Captions.Benchmarks.Pipeline;

/// <summary>
/// `dotnet run -c Release --project perf/Captions.Benchmarks -- pipeline-costs [--hops N]`:
/// (1) one-way latency of a hop between two threads (writer timestamps, reader on another thread records the
/// difference), p50/p99, for our PipelineEdge and for a raw BoundedChannel with the same options in the same run;
/// (2) bytes allocated per 20 ms audio frame through the whole conversation pipeline, on 60 s of room noise (capture,
/// resample, frames, VAD: the always-on path) and on real speech with pocketsphinx (everything).
/// </summary>
public static class PipelineCostRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var hops = args.Length >= 2 && args[0] == "--hops" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var table = new Table().Border(TableBorder.Rounded).Title($"one hop between threads, {hops} messages, ping-pong (reader idle, as on the audio path)")
            .AddColumns("edge", "p50 µs", "p90 µs", "p99 µs", "max µs");
        var raw = await MeasureHopsAsync(hops, useEdge: false);
        var edge = await MeasureHopsAsync(hops, useEdge: true);
        table.AddRow(Row("raw BoundedChannel (peer)", raw));
        table.AddRow(Row("PipelineEdge (ours)", edge));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"ratio ours/peer: p50 {Percentile(edge, 0.5) / Percentile(raw, 0.5):F2}x, p99 {Percentile(edge, 0.99) / Percentile(raw, 0.99):F2}x");

        var allocations = new Table().Border(TableBorder.Rounded).Title("allocation through the whole conversation pipeline (--fast)")
            .AddColumns("input", "frames", "caption versions", "bytes allocated", "bytes / frame (incl. set-up)");
        var dir = Directory.CreateTempSubdirectory("captions-perf-").FullName;
        long marginal;
        try
        {
            var noise = Path.Combine(dir, "noise60.wav");
            var longNoise = Path.Combine(dir, "noise120.wav");
            WriteNoise(noise, seconds: 60);
            WriteNoise(longNoise, seconds: 120);

            using (var recognizer = new SphinxRecognizer())
            {
                // Warm up every code path once (JIT, pools), then measure.
                await RunAsync(noise, recognizer);
                var (frames, versions, bytes) = await RunAsync(noise, recognizer);
                allocations.AddRow("60 s room noise (no speech)", $"{frames}", $"{versions}", $"{bytes}", $"{(double)bytes / frames:F1}");
                var (longFrames, _, longBytes) = await RunAsync(longNoise, recognizer);
                allocations.AddRow("120 s room noise (no speech)", $"{longFrames}", "0", $"{longBytes}", $"{(double)longBytes / longFrames:F1}");
                marginal = (longBytes - bytes) / Math.Max(1, longFrames - frames);
                var speech = ReferenceCorpus.Load()[0].WavPath;
                await RunAsync(speech, recognizer);
                (frames, versions, bytes) = await RunAsync(speech, recognizer);
                allocations.AddRow($"LibriVox {Path.GetFileName(speech)} + sphinx", $"{frames}", $"{versions}", $"{bytes}", $"{(double)bytes / frames:F1}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        AnsiConsole.Write(allocations);
        AnsiConsole.MarkupLine("bytes are process-wide (GC.GetTotalAllocatedBytes(precise)) over each run, pipeline set-up included.");
        AnsiConsole.MarkupLineInterpolated($"steady state (120 s run minus 60 s run, per extra frame) on the capture -> resample -> VAD path: {marginal} bytes/frame");
        return 0;
    }

    private static string[] Row(string name, double[] micros) =>
        [name, $"{Percentile(micros, 0.5):F1}", $"{Percentile(micros, 0.9):F1}", $"{Percentile(micros, 0.99):F1}", $"{micros[^1]:F1}"];

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static async Task<double[]> MeasureHopsAsync(int count, bool useEdge)
    {
        var builder = new PipelineBuilder(new PipelineClock(TimeProvider.System));
        using var metrics = builder.Metrics;
        var edge = builder.AddEdge<long>(EdgeOptions.Audio("hop", 50));
        var rawChannel = Channel.CreateBounded<long>(new BoundedChannelOptions(50) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        var ack = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reader = useEdge ? edge.Reader : rawChannel.Reader;
        var samples = new double[count];
        var consumer = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                var sent = await reader.ReadAsync();
                samples[i] = Stopwatch.GetElapsedTime(sent).TotalMicroseconds;
                await ack.Writer.WriteAsync(true);
            }
        });
        for (var i = 0; i < count; i++)
        {
            if (useEdge)
            {
                await edge.WriteAsync(Stopwatch.GetTimestamp(), CancellationToken.None);
            }
            else
            {
                await rawChannel.Writer.WriteAsync(Stopwatch.GetTimestamp());
            }

            await ack.Reader.ReadAsync();
        }

        await consumer;
        Array.Sort(samples);
        return samples;
    }

    private static async Task<(long Frames, long Versions, long Bytes)> RunAsync(string wav, SphinxRecognizer recognizer)
    {
        var clock = new PipelineClock(TimeProvider.System);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await using var source = new WavFileSource(wav, AudioPacing.Fast, clock);
        var result = await ConversationPipeline.RunAsync(
            new ConversationOptions
            {
                Source = source,
                Detector = new EnergyVoiceActivityDetector(),
                Recognizer = recognizer,
                Sinks = [new TranscriptCollector()],
                Clock = clock,
            },
            CancellationToken.None);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        return ((long)(result.AudioDuration / AudioFormat.FrameDuration), result.CaptionVersions, bytes);
    }

    private static void WriteNoise(string path, int seconds)
    {
        // -50 dBFS-ish white noise: a quiet room, which the VAD must classify as silence.
        var random = new Random(5);
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        var samples = seconds * AudioFormat.SampleRate;
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(AudioFormat.SampleRate);
        writer.Write(AudioFormat.SampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((short)random.Next(-100, 101));
        }
    }
}
