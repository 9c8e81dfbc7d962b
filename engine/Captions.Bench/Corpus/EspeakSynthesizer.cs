using System.Diagnostics;
using System.Text;
using Captions.Engine.Audio;

namespace Captions.Bench.Corpus;

/// <summary>
/// Speaks one word at a time with espeak-ng (22,050 Hz WAV), converts it to 16 kHz mono and trims espeak's leading
/// and trailing silence by energy, so the caller knows to the sample where each word starts and ends.
/// </summary>
internal sealed class EspeakSynthesizer
{
    /// <summary>Debian package that provides the executable.</summary>
    public const string Package = "espeak-ng";

    /// <summary>5 ms frames: short enough that trimming cuts at most 5 ms of a soft onset.</summary>
    private const int TrimFrame = 80;

    /// <summary>A frame is speech when its RMS is within 40 dB of the word's loudest frame.</summary>
    private const float TrimRelativeLevel = 0.01f;

    private readonly string _executable;

    private EspeakSynthesizer(string executable, string version)
    {
        _executable = executable;
        Version = version;
    }

    /// <summary>"1.51" and the like: part of every synth cache key, since another version sounds different.</summary>
    public string Version { get; }

    /// <summary>Finds espeak-ng and asks its version.</summary>
    /// <exception cref="CorpusException">espeak-ng is not installed; the message names the package.</exception>
    public static async Task<EspeakSynthesizer> LocateAsync(string executable, string neededBy, CancellationToken cancellationToken)
    {
        string? path = Resolve(executable) ?? throw new CorpusException(
            $"{neededBy}: synthesis needs {executable}, which is not installed: install the Debian package '{Package}' "
            + $"(apt-get install {Package}, or run ./scripts/bootstrap.sh).");
        (int exit, string stdout, string stderr) = await RunAsync(path, ["--version"], cancellationToken).ConfigureAwait(false);
        if (exit != 0 || !stdout.Contains("eSpeak", StringComparison.OrdinalIgnoreCase))
        {
            throw new CorpusException($"{neededBy}: {path} --version failed (exit {exit}): {stderr.Trim()} {stdout.Trim()}");
        }

        // "eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/x86_64-linux-gnu/espeak-ng-data"
        string version = stdout.Trim();
        int colon = version.IndexOf(':', StringComparison.Ordinal);
        int data = version.IndexOf("Data at", StringComparison.Ordinal);
        if (colon >= 0 && data > colon)
        {
            version = version[(colon + 1)..data].Trim();
        }

        return new EspeakSynthesizer(path, version);
    }

    /// <summary>The 16 kHz samples of <paramref name="word"/> in <paramref name="voice"/>, silence trimmed.</summary>
    /// <exception cref="CorpusItemException">espeak-ng failed (unknown voice, ...) or produced only silence.</exception>
    public async Task<float[]> SpeakAsync(string voice, string word, string scratchDirectory, CancellationToken cancellationToken)
    {
        string wav = Path.Combine(scratchDirectory, $"{Guid.NewGuid():N}.wav");
        try
        {
            // -z: no end-of-sentence pause; -q would silence nothing here since -w writes to a file anyway.
            (int exit, _, string stderr) = await RunAsync(_executable, ["-z", "-v", voice, "-w", wav, word], cancellationToken).ConfigureAwait(false);
            if (exit != 0 || !File.Exists(wav) || stderr.Contains("Failed to read voice", StringComparison.Ordinal))
            {
                throw new CorpusItemException($"espeak-ng -v {voice} failed on \"{word}\" (exit {exit}): {stderr.Trim()}");
            }

            float[] samples = AudioFile.ReadMono16k(wav);
            return Trim(samples)
                ?? throw new CorpusItemException($"espeak-ng -v {voice} produced only silence for \"{word}\"");
        }
        finally
        {
            File.Delete(wav);
        }
    }

    /// <summary>The samples from the first to the last 5 ms frame within 40 dB of the loudest; null if all silent.</summary>
    internal static float[]? Trim(float[] samples)
    {
        int frames = samples.Length / TrimFrame;
        var rms = new float[frames];
        float loudest = 0;
        for (int f = 0; f < frames; f++)
        {
            double sum = 0;
            for (int i = f * TrimFrame; i < (f + 1) * TrimFrame; i++)
            {
                sum += samples[i] * samples[i];
            }

            rms[f] = (float)Math.Sqrt(sum / TrimFrame);
            loudest = Math.Max(loudest, rms[f]);
        }

        float threshold = Math.Max(loudest * TrimRelativeLevel, 1e-4f);
        int first = Array.FindIndex(rms, r => r >= threshold);
        int last = Array.FindLastIndex(rms, r => r >= threshold);
        if (first < 0 || loudest < 1e-3f)
        {
            return null;
        }

        return samples[(first * TrimFrame)..((last + 1) * TrimFrame)];
    }

    internal static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(
        string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info) ?? throw new CorpusException($"Could not start {executable}.");
        try
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            string stdout = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, stdout, await stderr.ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    internal static string? Resolve(string executable)
    {
        if (executable.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(executable) ? executable : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, executable))
            .FirstOrDefault(File.Exists);
    }
}
