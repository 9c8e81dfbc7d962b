using Captions.Engine.Pipeline;
using Captions.Engine.Processes;
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
        await using var ffmpeg = FfmpegProcess.Start(_ffmpeg, Arguments, Description, static (message, inner) =>
            inner is null ? new AudioDeviceException(message) : new AudioDeviceException(message, inner));
        var pcm = new PcmStreamSource(ffmpeg.Output, Description, AudioFormat.SampleRate, 1, _clock, isLive: true);
        try
        {
            await pcm.RunAsync(output, cancellationToken).ConfigureAwait(false);

            // The audio ended on its own: let ffmpeg exit with its own code rather than be killed mid-exit.
            if (!cancellationToken.IsCancellationRequested)
            {
                await ffmpeg.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await ffmpeg.StopAsync().ConfigureAwait(false);
        }

        if (!cancellationToken.IsCancellationRequested && ffmpeg.ExitCode != 0)
        {
            var what = pcm.BytesRead == 0 ? "could not be opened" : "stopped delivering audio";
            throw new AudioDeviceException($"{Description} {what} ({ffmpeg.ExitDescription()}): {ffmpeg.Reason()}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
