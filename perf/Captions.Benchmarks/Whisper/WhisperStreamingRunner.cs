using System.Diagnostics;
using System.Globalization;
using Captions.Engine.Audio;
using Captions.Engine.Hosting;
using Captions.Engine.Metrics;
using Captions.Engine.Speech;
using Captions.Native.Whisper;
using Captions.Speech.Whisper;
using Captions.TestKit.Models;
using Spectre.Console;

namespace Captions.Benchmarks.Whisper;

/// <summary>
/// `dotnet run -c Release --project perf/Captions.Benchmarks -- whisper-streaming [--model PATH] [--dims tiny|base]`:
/// replays jfk.wav and the LibriVox clips through <see cref="WhisperStreamingRecognizer"/> over whisper.cpp in 20 ms
/// chunks, as fast as it decodes, and reports the streaming real-time factor (decode wall time over audio time), the
/// step the policy settled on, and for every committed word the delay in stream time from the word's end to the audio
/// position at which it was committed (p50/p95: the policy's own latency; add decode time for a live wearer).
/// Without --model it uses a random-weight model with the real dimensions (same compute cost, junk words: the delay
/// figures then describe junk and mean little; pass a real ggml model for them).
/// </summary>
public static class WhisperStreamingRunner
{
    public static Task<int> RunAsync(string[] args)
    {
        string? modelPath = null;
        var dimensions = WhisperModelDimensions.TinyDims;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--model":
                    modelPath = args[i + 1];
                    break;
                case "--dims":
                    dimensions = args[i + 1] == "base" ? WhisperModelDimensions.BaseDims : WhisperModelDimensions.TinyDims;
                    break;
            }
        }

        var paths = CaptionsPaths.FromEnvironment();
        var synthetic = modelPath is null;
        var model = modelPath ?? WhisperModelWriter.WriteTemporary(dimensions, seed: 1);
        try
        {
            var clips = new List<(string Name, float[] Samples)> { ("jfk.wav", AudioFile.ReadMono16k(paths.JfkWavPath)) };
            clips.AddRange(ReferenceCorpus.Load().Select(r => (Path.GetFileName(r.WavPath), r.ReadMono16k())));
            using var factory = WhisperFactory.FromPath(model, new WhisperFactoryOptions { LibraryDirectory = paths.WhisperLibraryDirectory });
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"streaming whisper, {(synthetic ? "synthetic random-weight model with real dims" : model)}, 2 threads, 20 ms chunks")
                .AddColumns("clip", "audio s", "decode wall s", "RTF", "decodes", "final step s", "words committed", "commit delay p50 s", "p95 s");
            var allDelays = new List<double>();
            double audioTotal = 0, wallTotal = 0;
            foreach (var (name, samples) in clips)
            {
                var processor = factory.CreateBuilder().WithThreads(2).WithLanguage("en").WithTokenTimestamps().WithTemperatureFallback(false).Build();
                using var recognizer = new WhisperStreamingRecognizer(new WhisperCppDecoder(processor));
                var delays = new List<double>();
                var start = Stopwatch.GetTimestamp();
                recognizer.StartUtterance(TimeSpan.Zero);
                for (var offset = 0; offset < samples.Length; offset += AudioFormat.FrameSamples)
                {
                    var length = Math.Min(AudioFormat.FrameSamples, samples.Length - offset);
                    var update = recognizer.AcceptAudio(samples.AsSpan(offset, length));
                    Collect(update?.Committed, AudioFormat.SamplesToTime(offset + length), delays);
                }

                var final = recognizer.EndUtterance();
                Collect(final.Committed, AudioFormat.SamplesToTime(samples.Length), delays);
                Collect(final, AudioFormat.SamplesToTime(samples.Length), delays);
                var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
                var audio = samples.Length / (double)AudioFormat.SampleRate;
                audioTotal += audio;
                wallTotal += wall;
                allDelays.AddRange(delays);
                delays.Sort();
                table.AddRow(name, F(audio), F(wall), F(wall / audio), $"{recognizer.Decodes}", F(recognizer.CurrentStep.TotalSeconds), $"{delays.Count}", P(delays, 0.5), P(delays, 0.95));
            }

            allDelays.Sort();
            table.AddRow("all", F(audioTotal), F(wallTotal), F(wallTotal / audioTotal), string.Empty, string.Empty, $"{allDelays.Count}", P(allDelays, 0.5), P(allDelays, 0.95));
            AnsiConsole.Write(table);
            return Task.FromResult(0);
        }
        finally
        {
            if (synthetic)
            {
                File.Delete(model);
            }
        }
    }

    private static void Collect(SpeechHypothesis? committed, TimeSpan position, List<double> delays)
    {
        if (committed is null)
        {
            return;
        }

        foreach (var word in committed.Words)
        {
            delays.Add(Math.Max(0, (position - word.End).TotalSeconds));
        }
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string P(List<double> sorted, double p) =>
        sorted.Count == 0 ? "-" : F(sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))]);
}
