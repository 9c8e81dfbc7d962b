using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Captions.Engine.Pipeline;
using Captions.Engine.Timing;

namespace Captions.Engine.Audio;

/// <summary>
/// Live microphone capture through ffmpeg (`-f pulse` or `-f alsa`), which delivers 16 kHz mono s16le on a pipe,
/// paced by the device itself. A device that cannot be opened, or that disappears, ends the run with an
/// <see cref="AudioDeviceException"/> naming it and quoting ffmpeg's reason.
/// </summary>
public sealed class FfmpegCaptureSource : IAudioSource
{
    private readonly string _backend;
    private readonly string _device;
    private readonly PipelineClock _clock;
    private readonly string _ffmpeg;

    public FfmpegCaptureSource(string backend, string device, PipelineClock clock, string ffmpegPath = "ffmpeg")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backend);
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        ArgumentNullException.ThrowIfNull(clock);
        if (backend is not ("pulse" or "alsa"))
        {
            throw new ArgumentException($"microphone backend '{backend}' is not supported; use 'pulse' or 'alsa'", nameof(backend));
        }

        _backend = backend;
        _device = device;
        _clock = clock;
        _ffmpeg = ffmpegPath;
        Description = $"microphone {backend}:{device}";
    }

    public string Description { get; }

    public bool IsLive => true;

    /// <summary>The ffmpeg arguments used for capture (for messages and tests).</summary>
    public IReadOnlyList<string> Arguments =>
        ["-hide_banner", "-nostdin", "-loglevel", "error", "-f", _backend, "-i", _device, "-ac", "1", "-ar", "16000", "-f", "s16le", "-"];

    public async Task RunAsync(PipelineEdge<AudioFrame> output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AudioDeviceException($"{Description}: ffmpeg did not start");
        }
        catch (Win32Exception ex)
        {
            throw new AudioDeviceException($"{Description}: cannot run '{_ffmpeg}' ({ex.Message}); install ffmpeg (./scripts/bootstrap.sh)", ex);
        }

        using (process)
        {
            var errors = new StringBuilder();
            var stderr = Task.Run(async () =>
            {
                // Keep only the tail: ffmpeg's last lines say why it stopped.
                while (await process.StandardError.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
                {
                    lock (errors)
                    {
                        if (errors.Length > 4096)
                        {
                            errors.Remove(0, errors.Length - 2048);
                        }

                        errors.AppendLine(line);
                    }
                }
            }, CancellationToken.None);

            var pcm = new PcmStreamSource(process.StandardOutput.BaseStream, Description, AudioFormat.SampleRate, 1, _clock, isLive: true);
            try
            {
                await pcm.RunAsync(output, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                await stderr.ConfigureAwait(false);
            }

            if (!cancellationToken.IsCancellationRequested && process.ExitCode != 0)
            {
                string reason;
                lock (errors)
                {
                    reason = errors.ToString().Trim();
                }

                var what = pcm.BytesRead == 0 ? "could not be opened" : "stopped delivering audio";
                throw new AudioDeviceException(
                    $"{Description} {what} (ffmpeg exit {process.ExitCode}): {(reason.Length > 0 ? reason : "no reason given")}");
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
