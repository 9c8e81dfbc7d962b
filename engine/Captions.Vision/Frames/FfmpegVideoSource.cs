using System.Globalization;
using System.Runtime.CompilerServices;
using Captions.Engine.Processes;
using Captions.Vision.Imaging;

namespace Captions.Vision.Frames;

/// <summary>
/// A video file decoded by ffmpeg to raw RGB frames on a pipe, delivered at the video's frame rate on the injected
/// clock (or unpaced), each stamped with its presentation time.
/// </summary>
/// <remarks>
/// ffmpeg converts to a constant frame rate at the stream's average rate (<c>-fps_mode cfr</c>: a variable-rate file
/// has frames repeated or dropped by ffmpeg), so frame i's <see cref="ImageFrame.Timestamp"/> is exactly i / fps from
/// the stream start. Frames larger than <see cref="FrameSourceOptions.MaxSide"/> are scaled by ffmpeg (area).
/// Not live: the pipe's back-pressure holds ffmpeg while the consumer is slow, nothing is dropped. Each frame is a
/// fresh buffer (handed on immutably; the consumer may keep it).
/// Threading model: one reader; ffmpeg is a child process killed when reading stops or the source is disposed.
/// </remarks>
public sealed class FfmpegVideoSource : IFrameSource
{
    private readonly string _path;
    private readonly FrameSourceOptions _options;
    private readonly TimeProvider _time;
    private int _started;

    public FfmpegVideoSource(string path, FrameSourceOptions options, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _path = path;
        _options = options;
        _time = time;
        Description = $"video {Path.GetFileName(path)}";
    }

    public string Description { get; }

    public bool IsLive => false;

    public long DroppedFrames => 0;

    /// <summary>The probed stream (after the first frame was requested).</summary>
    public VideoStreamInfo? Stream { get; private set; }

    public async IAsyncEnumerable<ImageFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException($"{Description} is read once");
        }

        if (!File.Exists(_path))
        {
            throw new FrameSourceException($"{Description}: file not found ({_path})");
        }

        VideoStreamInfo info = await VideoStreamInfo.ProbeAsync(_options.FfprobePath, _path, Description, cancellationToken).ConfigureAwait(false);
        Stream = info;
        (int width, int height) = ImageDecoder.FitSize(info.Width, info.Height, _options.MaxSide);
        string rate = string.Create(CultureInfo.InvariantCulture, $"{info.RateNumerator}/{info.RateDenominator}");
        List<string> arguments =
        [
            "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error",
            "-i", _path, "-map", "0:v:0", "-an", "-sn", "-fps_mode", "cfr", "-r", rate,
        ];
        if (width != info.Width || height != info.Height)
        {
            arguments.AddRange(["-vf", string.Create(CultureInfo.InvariantCulture, $"scale={width}:{height}:flags=area")]);
        }

        arguments.AddRange(["-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);

        await using FfmpegProcess ffmpeg = FfmpegProcess.Start(_options.FfmpegPath, arguments, Description, FrameSourceException.Create);
        int frameBytes = checked(width * height * 3);
        long sequence = 0;
        long origin = 0;
        while (true)
        {
            var pixels = new byte[frameBytes];
            int read = await ffmpeg.Output.ReadAtLeastAsync(pixels, frameBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < frameBytes)
            {
                break;
            }

            TimeSpan pts = info.FrameTime(sequence);
            if (sequence == 0)
            {
                origin = _time.GetTimestamp();
            }
            else if (_options.Paced)
            {
                TimeSpan wait = pts - _time.GetElapsedTime(origin);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            yield return new ImageFrame(pixels, width, height, width * 3)
            {
                Sequence = sequence,
                Timestamp = pts,
                CapturedAt = _time.GetTimestamp(),
                Origin = string.Create(CultureInfo.InvariantCulture, $"{Description} frame {sequence}"),
            };
            sequence++;
        }

        await ffmpeg.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (ffmpeg.ExitCode != 0)
        {
            throw new FrameSourceException(sequence == 0
                ? $"{Description}: cannot be decoded ({ffmpeg.Reason()})"
                : $"{Description}: ffmpeg stopped after {sequence} frames ({ffmpeg.Reason()})");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
