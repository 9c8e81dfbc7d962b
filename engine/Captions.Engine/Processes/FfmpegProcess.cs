using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Captions.Engine.Processes;

/// <summary>
/// One ffmpeg (or ffprobe) child writing raw audio or frames to stdout: started without a shell, stderr pumped for its
/// last message (ffmpeg's last line says why it stopped) and scanned for the rawvideo output size, and killed with
/// its process tree on stop. Stop never hangs: after the kill the pipes close and the pumps end.
/// </summary>
/// <remarks>
/// The one ffmpeg runner: the microphone (FfmpegCaptureSource), the video file and camera frame sources and ffprobe
/// all start ffmpeg through it.
/// Threading model: the owner calls Start, reads <see cref="Output"/> from one task and calls StopAsync once; the
/// stderr pump runs on its own task and guards the last message with a lock.
/// </remarks>
public sealed partial class FfmpegProcess : IAsyncDisposable
{
    // ffmpeg's description of its streams at loglevel info: never the reason it stopped.
    private static readonly string[] s_bannerPrefixes = ["Input #", "Output #", "Stream #", "Stream mapping", "Duration:", "Metadata:", "Press [q]", "frame=", "video:"];

    private readonly Process _process;
    private readonly Task _stderrPump;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<(int Width, int Height)> _outputSize = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _inOutputSection;
    private string? _lastMessage;
    private int _stopped;

    private FfmpegProcess(Process process)
    {
        _process = process;
        _stderrPump = Task.Run(PumpStandardErrorAsync);
    }

    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Size of the rawvideo output stream from ffmpeg's "Output #0 ... Video: rawvideo ..., WxH" line (needs loglevel info).</summary>
    public Task<(int Width, int Height)> OutputSize => _outputSize.Task;

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>
    /// Starts <paramref name="executable"/>; <paramref name="what"/> names the input in errors ("camera /dev/video0"),
    /// and <paramref name="failure"/> makes the caller's exception from a message and the cause, if any.
    /// </summary>
    /// <exception cref="Exception">What <paramref name="failure"/> makes when the executable is not installed or cannot run.</exception>
    public static FfmpegProcess Start(string executable, IEnumerable<string> arguments, string what, Func<string, Exception?, Exception> failure)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(failure);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(start) ?? throw failure($"{what}: {executable} did not start", null);
            return new FfmpegProcess(process);
        }
        catch (Win32Exception ex)
        {
            throw failure($"{what}: cannot run '{executable}' ({ex.Message}); install ffmpeg (./scripts/bootstrap.sh)", ex);
        }
    }

    /// <summary>
    /// Why ffmpeg stopped, for messages: its last stderr line that is not part of the stream banner (Input/Output/
    /// Stream/Metadata lines), or how it exited when it said nothing else (killed).
    /// </summary>
    public string Reason()
    {
        if (_process.HasExited && _process.ExitCode is > 128 and < 160)
        {
            return ExitDescription();
        }

        lock (_gate)
        {
            if (_lastMessage is not null)
            {
                return _lastMessage;
            }
        }

        return ExitDescription();
    }

    /// <summary>"exit code 1" or "killed by signal 9" (only after <see cref="StopAsync"/> or <see cref="WaitForExitAsync"/>).</summary>
    public string ExitDescription()
    {
        int code = _process.ExitCode;
        return code > 128 && code < 160 ? $"ffmpeg was killed by signal {code - 128}" : $"ffmpeg exit code {code}";
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits for ffmpeg to exit on its own (after its stdout ended) and for the stderr pump to drain.</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await _stderrPump.ConfigureAwait(false);
    }

    /// <summary>Kills ffmpeg's process tree if still running, reaps it and drains stderr. Idempotent.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
        }

        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        await _stderrPump.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task PumpStandardErrorAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
            {
                Observe(line);
            }
        }
        catch (IOException)
        {
            // The pipe broke with the process: the tail so far is what there is.
        }
        finally
        {
            _outputSize.TrySetCanceled();
        }
    }

    private void Observe(string raw)
    {
        string line = raw.Trim();
        if (line.Length == 0)
        {
            return;
        }

        bool banner = char.IsWhiteSpace(raw[0]) || s_bannerPrefixes.Any(p => line.StartsWith(p, StringComparison.Ordinal));

        if (line.StartsWith("Output #0", StringComparison.Ordinal))
        {
            _inOutputSection = true;
        }
        else if (_inOutputSection && line.Contains("Video: rawvideo", StringComparison.Ordinal))
        {
            Match size = OutputSizePattern().Match(line);
            if (size.Success)
            {
                _outputSize.TrySetResult((int.Parse(size.Groups[1].ValueSpan, provider: null), int.Parse(size.Groups[2].ValueSpan, provider: null)));
            }
        }

        if (!banner)
        {
            lock (_gate)
            {
                _lastMessage = line;
            }
        }
    }

    // "rgb24(pc, gbr/unknown/unknown, progressive), 320x240 [SAR 1:1 DAR 4:3]": the first WxH after the pixel format
    // (the fourcc "0x18424752" before it has too many digits to match).
    [GeneratedRegex(@"rgb24.*?\b(\d{1,5})x(\d{1,5})\b")]
    private static partial Regex OutputSizePattern();
}
