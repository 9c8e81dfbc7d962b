using System.Diagnostics;
using System.Globalization;
using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Engine.Hosting;
using Captions.Engine.Metrics;
using Captions.Engine.Speech;
using Captions.Native.Whisper;
using Captions.Speech.Sphinx;
using Captions.Speech.Whisper;
using Captions.TestKit.Models;
using Spectre.Console;

namespace Captions.Benchmarks.Whisper;

/// <summary>
/// `dotnet run -c Release --project perf/Captions.Benchmarks -- whisper-streaming [--model PATH] [--dims tiny|base]
/// [--word-times sphinx]`: replays jfk.wav and the LibriVox clips through <see cref="WhisperStreamingRecognizer"/> over
/// whisper.cpp in 20 ms chunks and reports the streaming real-time factor (decode wall time over audio time), the step
/// the policy settled on, and for every committed word its delay from the word's end to its commit (p50/p95) on a live
/// timeline: audio arrives in real time, the recogniser works through it one call at a time, and a call that starts
/// late (behind a slow decode) or takes long delays its commits by exactly that, so decode cost and backlog count.
/// Without --model it uses a random-weight model with the real dimensions: the compute cost is real, the words are junk
/// that the guards drop, so nothing commits. `--word-times sphinx` keeps that real decode cost but answers with the
/// words pocketsphinx heard (<see cref="SphinxTimedWordsDecoder"/>): the policy's own delay with right, stable words,
/// a lower bound for a real model. A real ggml model (`--model PATH`) gives the real figure.
/// </summary>
public static class WhisperStreamingRunner
{
    public static Task<int> RunAsync(string[] args)
    {
        string? modelPath = null;
        var dimensions = WhisperModelDimensions.TinyDims;
        var sphinxWords = false;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--model":
                    modelPath = args[i + 1];
                    break;
                case "--word-times":
                    sphinxWords = args[i + 1] == "sphinx";
                    break;
                case "--dims":
                    dimensions = args[i + 1] == "base" ? WhisperModelDimensions.BaseDims : WhisperModelDimensions.TinyDims;
                    break;
            }
        }

        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160; // a log file keeps the table on one line per clip
        }

        var paths = CaptionsPaths.FromEnvironment();
        var synthetic = modelPath is null;
        var model = modelPath ?? WhisperModelWriter.WriteTemporary(dimensions, seed: 1);
        try
        {
            var clips = new List<(string Name, float[] Samples)> { ("jfk.wav", AudioFile.ReadMono16k(paths.JfkWavPath)) };
            clips.AddRange(ReferenceCorpus.Load().Select(r => (ShortName(r.WavPath), r.ReadMono16k())));
            using var factory = WhisperFactory.FromPath(model, new WhisperFactoryOptions { LibraryDirectory = paths.WhisperLibraryDirectory });
            using var sphinx = sphinxWords ? new SphinxRecognizer(new SphinxRecognizerOptions()) : null;
            var words = sphinx is null ? "whisper's" : "pocketsphinx's words at whisper's decode cost";
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"streaming whisper, {(synthetic ? "synthetic random-weight model with real dims" : model)}, {words}, 2 threads, 20 ms chunks, live timeline")
                .AddColumns("clip", "audio s", "decode wall s", "RTF", "decodes", "step s", "words", "end->settled p50 s", "p95 s", "end->line closed p50 s", "p95 s");
            var allDelays = new List<double>();
            var allClosed = new List<double>();
            double audioTotal = 0, wallTotal = 0;
            foreach (var (name, samples) in clips)
            {
                var processor = factory.CreateBuilder().WithThreads(2).WithLanguage("en").WithTokenTimestamps().WithTemperatureFallback(false).Build();
                IWhisperDecoder decoder = new WhisperCppDecoder(processor);
                SphinxTimedWordsDecoder? timed = sphinx is null ? null : new SphinxTimedWordsDecoder(decoder, WordsOf(sphinx, samples));
                using var recognizer = new WhisperStreamingRecognizer(timed ?? decoder);
                if (timed is not null)
                {
                    timed.BufferStart = () => recognizer.BufferStart;
                }

                var delays = new List<double>(); // word end -> the word is settled (shown, never to change)
                var closed = new List<double>(); // word end -> its caption line is committed
                var settled = new HashSet<(long, string)>();
                var start = Stopwatch.GetTimestamp();
                var live = TimeSpan.Zero; // when the recogniser is done with the audio so far, on a real-time clock
                recognizer.StartUtterance(TimeSpan.Zero);
                for (var offset = 0; offset < samples.Length; offset += AudioFormat.FrameSamples)
                {
                    var length = Math.Min(AudioFormat.FrameSamples, samples.Length - offset);
                    var arrived = AudioFormat.SamplesToTime(offset + length);
                    var call = Stopwatch.GetTimestamp();
                    var update = recognizer.AcceptAudio(samples.AsSpan(offset, length));
                    live = (live > arrived ? live : arrived) + Stopwatch.GetElapsedTime(call);
                    Collect(update, live, settled, delays, closed);
                }

                var ending = Stopwatch.GetTimestamp();
                var final = recognizer.EndUtterance();
                var duration = AudioFormat.SamplesToTime(samples.Length);
                live = (live > duration ? live : duration) + Stopwatch.GetElapsedTime(ending);
                Collect(final, live, settled, delays, closed);
                var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
                var audio = samples.Length / (double)AudioFormat.SampleRate;
                audioTotal += audio;
                wallTotal += wall;
                allDelays.AddRange(delays);
                allClosed.AddRange(closed);
                delays.Sort();
                closed.Sort();
                table.AddRow(
                    name, F(audio), F(wall), F(wall / audio), $"{recognizer.Decodes}", F(recognizer.CurrentStep.TotalSeconds), $"{delays.Count}",
                    P(delays, 0.5), P(delays, 0.95), P(closed, 0.5), P(closed, 0.95));
            }

            allDelays.Sort();
            allClosed.Sort();
            table.AddRow(
                "all", F(audioTotal), F(wallTotal), F(wallTotal / audioTotal), string.Empty, string.Empty, $"{allDelays.Count}",
                P(allDelays, 0.5), P(allDelays, 0.95), P(allClosed, 0.5), P(allClosed, 0.95));
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

    private static List<WordTiming> WordsOf(SphinxRecognizer sphinx, float[] samples)
    {
        sphinx.StartUtterance(TimeSpan.Zero);
        for (var offset = 0; offset < samples.Length; offset += AudioFormat.FrameSamples)
        {
            sphinx.AcceptAudio(samples.AsSpan(offset, Math.Min(AudioFormat.FrameSamples, samples.Length - offset)));
        }

        return [.. sphinx.EndUtterance().Words];
    }

    /// <summary>
    /// A word is settled the first time it is shown as one that will not change: in a closed line, or among a partial's
    /// leading <see cref="SpeechHypothesis.StableWords"/>, or in the final hypothesis.
    /// </summary>
    private static void Collect(SpeechHypothesis? update, TimeSpan live, HashSet<(long, string)> settled, List<double> delays, List<double> closed)
    {
        if (update is null)
        {
            return;
        }

        if (update.Committed is { } line)
        {
            Settle(line.Words, line.Words.Count, live, settled, delays);
            closed.AddRange(line.Words.Select(w => Math.Max(0, (live - w.End).TotalSeconds)));
        }

        Settle(update.Words, update.IsFinal ? update.Words.Count : update.StableWords, live, settled, delays);
        if (update.IsFinal)
        {
            closed.AddRange(update.Words.Select(w => Math.Max(0, (live - w.End).TotalSeconds)));
        }
    }

    private static void Settle(IReadOnlyList<WordTiming> words, int count, TimeSpan live, HashSet<(long, string)> settled, List<double> delays)
    {
        for (var i = 0; i < count && i < words.Count; i++)
        {
            if (settled.Add((words[i].Start.Ticks, words[i].Word)))
            {
                delays.Add(Math.Max(0, (live - words[i].End).TotalSeconds));
            }
        }
    }

    // "sense_and_sensibility_01_austen_64kb-0890.wav" -> "librivox-0890"
    private static string ShortName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var dash = name.LastIndexOf('-');
        return dash >= 0 ? "librivox" + name[dash..] : name;
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string P(List<double> sorted, double p) =>
        sorted.Count == 0 ? "-" : F(sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))]);
}
