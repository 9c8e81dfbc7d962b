using System.Diagnostics;
using Captions.Engine.Audio;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Tests.Alignment;

/// <summary>
/// English speech whose word boundaries are known by construction: espeak-ng speaks each word on its own, the
/// leading and trailing silence is trimmed, and the words are joined with known gaps (150-300 ms) of faint
/// seeded noise. The truth is where each trimmed word was placed.
/// </summary>
internal sealed class EspeakSentence
{
    private const int SampleRate = 16_000;

    // Gaps cycle through these so no single spacing flatters the aligner.
    private static readonly double[] s_gapSeconds = [0.15, 0.30, 0.20, 0.25, 0.18, 0.28];

    private EspeakSentence(string transcript, float[] audio, IReadOnlyList<ReferenceWord> truth)
    {
        Transcript = transcript;
        Audio = audio;
        Truth = truth;
    }

    public string Transcript { get; }

    /// <summary>16 kHz mono: 0.4 s of lead-in, the words with their gaps, 0.4 s of tail.</summary>
    public float[] Audio { get; }

    /// <summary>Each word as written, with where its trimmed samples start and end.</summary>
    public IReadOnlyList<ReferenceWord> Truth { get; }

    public static async Task<EspeakSentence> SynthesizeAsync(string transcript, string workDirectory, CancellationToken cancellationToken)
    {
        string[] words = transcript.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var random = new Random(6);
        var audio = new List<float>();
        var truth = new List<ReferenceWord>();
        AppendNoise(audio, 0.4, random);
        for (int i = 0; i < words.Length; i++)
        {
            string wav = Path.Combine(workDirectory, $"word{i:00}.wav");
            await RunEspeakAsync(words[i], wav, cancellationToken);
            float[] spoken = Trim(AudioFile.ReadMono16k(wav), words[i]);
            double start = (double)audio.Count / SampleRate;
            audio.AddRange(spoken);
            truth.Add(new ReferenceWord(words[i], start, (double)audio.Count / SampleRate));
            AppendNoise(audio, i == words.Length - 1 ? 0.4 : s_gapSeconds[i % s_gapSeconds.Length], random);
        }

        return new EspeakSentence(transcript, [.. audio], truth);
    }

    private static async Task RunEspeakAsync(string word, string wavPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("espeak-ng")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["-v", "en-us", "-w", wavPath, word])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("espeak-ng is not installed (scripts/debian-packages.txt lists it: run ./scripts/bootstrap.sh).", ex);
        }

        using (process)
        {
            Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 || !File.Exists(wavPath))
            {
                throw new InvalidOperationException($"espeak-ng failed on '{word}' (exit {process.ExitCode}): {await errors}");
            }
        }
    }

    /// <summary>Cuts the silence espeak-ng puts around a word: samples quieter than 2% of the word's peak (-34 dB) at either end.</summary>
    private static float[] Trim(float[] samples, string word)
    {
        float peak = samples.Length == 0 ? 0 : samples.Max(MathF.Abs);
        float threshold = peak * 0.02f;
        int first = Array.FindIndex(samples, s => MathF.Abs(s) > threshold);
        int last = Array.FindLastIndex(samples, s => MathF.Abs(s) > threshold);
        if (peak == 0 || first < 0)
        {
            throw new InvalidOperationException($"espeak-ng produced silence for '{word}'.");
        }

        return samples[first..(last + 1)];
    }

    /// <summary>White noise at -71 dBFS RMS, so pauses are a quiet room rather than digital zero.</summary>
    private static void AppendNoise(List<float> audio, double seconds, Random random)
    {
        int count = (int)Math.Round(seconds * SampleRate);
        for (int i = 0; i < count; i++)
        {
            audio.Add((float)((random.NextDouble() - 0.5) * 0.001));
        }
    }
}
