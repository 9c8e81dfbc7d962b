using System.ComponentModel;
using System.Globalization;
using Captions.Engine.Audio;

namespace Captions.Bench.Peers;

/// <summary>
/// Hands a peer the item's audio as a 16 kHz mono 16-bit WAV, which is what pocketsphinx_continuous -infile and
/// whisper-cli read: the corpus writes that already, so usually the item's own file; otherwise a temporary copy
/// resampled by ffmpeg (deleted on dispose). Resampling happens before the peer's clock starts.
/// </summary>
internal sealed class PeerAudio : IDisposable
{
    public const string Ffmpeg = "/usr/bin/ffmpeg";

    private readonly string? _temporary;

    private PeerAudio(string path, double seconds, string? temporary)
    {
        Path = path;
        Seconds = seconds;
        _temporary = temporary;
    }

    /// <summary>The 16 kHz mono s16 WAV to hand the peer.</summary>
    public string Path { get; }

    /// <summary>Length of the audio (the item's, else from the header).</summary>
    public double Seconds { get; }

    /// <summary>Opens (and if needed resamples) the item's WAV; on failure, <paramref name="error"/> names the file and why.</summary>
    public static async Task<(PeerAudio? Audio, string? Error)> PrepareAsync(
        string wavPath, double declaredSeconds, PeerOptions options, CancellationToken ct)
    {
        WavInfo info;
        try
        {
            using WavReader reader = WavReader.Open(wavPath);
            info = reader.Info;
        }
        catch (Exception ex) when (ex is AudioFormatException or IOException or UnauthorizedAccessException)
        {
            // AudioFormatException and FileNotFoundException already name the file; say it again for the others.
            return (null, ex.Message.Contains(wavPath, StringComparison.Ordinal) ? ex.Message : $"{wavPath}: {ex.Message}");
        }

        double seconds = declaredSeconds > 0 ? declaredSeconds : info.Duration?.TotalSeconds ?? 0;
        if (info is { SampleRate: AudioFormat.SampleRate, Channels: 1, BitsPerSample: 16, Encoding: WavEncoding.Pcm })
        {
            return (new PeerAudio(wavPath, seconds, null), null);
        }

        if (!File.Exists(Ffmpeg))
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"{wavPath} is {info.SampleRate} Hz, {info.Channels} channel(s), {info.BitsPerSample}-bit: the peer needs 16 kHz mono s16 and {Ffmpeg} (Debian ffmpeg, ./scripts/bootstrap.sh) is missing to resample it"));
        }

        string temporary = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"captions-peer-{Guid.NewGuid():N}.wav");
        ChildOutcome outcome;
        try
        {
            outcome = await ChildProcessRunner.RunAsync(
                Ffmpeg,
                ["-nostdin", "-v", "error", "-y", "-i", wavPath, "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", temporary],
                options.TimeoutFor(seconds),
                options.TimeProvider,
                ct).ConfigureAwait(false);
        }
        catch (Win32Exception ex)
        {
            return (null, $"{wavPath}: could not start {Ffmpeg} to resample it: {ex.Message}");
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        if (!outcome.Succeeded)
        {
            File.Delete(temporary);
            return (null, $"{wavPath}: resampling to 16 kHz with ffmpeg failed, {outcome.Describe(options.TimeoutFor(seconds))}");
        }

        return (new PeerAudio(temporary, seconds, temporary), null);
    }

    public void Dispose()
    {
        if (_temporary is not null)
        {
            File.Delete(_temporary);
        }
    }
}
