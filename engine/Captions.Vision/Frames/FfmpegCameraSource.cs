using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Captions.Engine.Processes;
using Captions.Vision.Imaging;

namespace Captions.Vision.Frames;

/// <summary>
/// A live camera through ffmpeg (<c>-f v4l2 -i /dev/videoN</c>) delivering raw RGB frames on a pipe. A reader task
/// pushes every frame into a channel of capacity 1 that drops the oldest: the consumer always gets the newest frame,
/// and <see cref="DroppedFrames"/> counts the ones it never saw (their Sequence numbers are the gaps).
/// </summary>
/// <remarks>
/// Errors, from <see cref="ReadAsync"/>: a device that does not exist or cannot be opened, and a camera that stops
/// mid-stream ("camera /dev/video0 stopped after N frames: &lt;ffmpeg's last stderr line&gt;"), are
/// <see cref="FrameSourceException"/>s. A test input that ends by itself (exit code 0) just ends the stream.
/// Buffers: a frame handed to the consumer is the consumer's (frames are immutable and may be kept), so it is never
/// reused; the buffers of dropped frames, which nobody saw, go back to a pool of two and are refilled. With a slow
/// consumer (the common case: OCR is slower than the camera) most frames reuse a buffer; with a fast one each frame
/// costs one allocation.
/// Threading model: one reader of <see cref="ReadAsync"/>; the pump task is the only writer of the channel and the
/// only reader of ffmpeg's stdout; DisposeAsync kills ffmpeg (closing the pipe ends the pump) and never waits on the
/// consumer.
/// </remarks>
public sealed class FfmpegCameraSource : IFrameSource
{
    private const int PoolCapacity = 2;

    private readonly string _device;
    private readonly FrameSourceOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<ImageFrame> _frames;
    private readonly ConcurrentQueue<byte[]> _pool = new();
    private readonly CancellationTokenSource _stopping = new();
    private FfmpegProcess? _ffmpeg;
    private Task? _pump;
    private long _dropped;
    private long _captured;
    private long _reusedBuffers;
    private int _started;
    private int _disposed;

    public FfmpegCameraSource(string device, FrameSourceOptions options, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(device);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _device = device;
        _options = options;
        _time = time;
        Description = $"camera {device}";
        _frames = Channel.CreateBounded<ImageFrame>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            OnDropped);
    }

    public string Description { get; }

    public bool IsLive => true;

    public long DroppedFrames => Interlocked.Read(ref _dropped);

    /// <summary>Frames read from ffmpeg so far (delivered + dropped + at most one waiting).</summary>
    public long CapturedFrames => Interlocked.Read(ref _captured);

    /// <summary>Frames that were filled into a recycled buffer instead of a new one.</summary>
    public long ReusedBuffers => Interlocked.Read(ref _reusedBuffers);

    /// <summary>The ffmpeg child's process id while it runs (diagnostics; tests kill it to simulate an unplugged camera).</summary>
    public int? ProcessId => _ffmpeg is { HasExited: false } ffmpeg ? ffmpeg.Id : null;

    /// <summary>The ffmpeg arguments this source runs.</summary>
    public IReadOnlyList<string> Arguments
    {
        get
        {
            List<string> arguments = ["-hide_banner", "-nostdin", "-nostats", "-loglevel", "info"];
            if (_options.CameraInputArguments is { } input)
            {
                arguments.AddRange(input);
            }
            else
            {
                arguments.AddRange(["-f", "v4l2"]);
                if (_options.CameraSize is { } size)
                {
                    arguments.AddRange(["-video_size", string.Create(CultureInfo.InvariantCulture, $"{size.Width}x{size.Height}")]);
                }

                if (_options.CameraRate is { } rate)
                {
                    arguments.AddRange(["-framerate", rate.ToString(CultureInfo.InvariantCulture)]);
                }

                arguments.AddRange(["-i", _device]);
            }

            // Fit inside MaxSide x MaxSide without enlarging; ffmpeg keeps the aspect ratio.
            string max = _options.MaxSide.ToString(CultureInfo.InvariantCulture);
            arguments.AddRange(["-an", "-vf", $"scale=w='min(iw,{max})':h='min(ih,{max})':force_original_aspect_ratio=decrease:flags=area"]);
            arguments.AddRange(["-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);
            return arguments;
        }
    }

    public async IAsyncEnumerable<ImageFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException($"{Description} is read once");
        }

        if (_options.CameraInputArguments is null && !File.Exists(_device))
        {
            throw new FrameSourceException($"{Description}: no such device (is the camera connected? ls /dev/video*)");
        }

        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        FfmpegProcess started = FfmpegProcess.Start(_options.FfmpegPath, Arguments, Description, FrameSourceException.Create);
        _ffmpeg = started;
        _pump = Task.Run(() => PumpAsync(started, _stopping.Token), CancellationToken.None);
        try
        {
            await foreach (ImageFrame frame in _frames.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return frame;
            }
        }
        finally
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        // Kill first: a pump blocked on the pipe sees end of file and ends; then reap and release.
        if (Interlocked.Exchange(ref _ffmpeg, null) is { } ffmpeg)
        {
            await ffmpeg.StopAsync().ConfigureAwait(false);
            if (_pump is { } pump)
            {
                await pump.ConfigureAwait(false);
            }

            await ffmpeg.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(FfmpegProcess ffmpeg, CancellationToken stopping)
    {
        Exception? failure = null;
        try
        {
            (int width, int height) size;
            try
            {
                size = await ffmpeg.OutputSize.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                // stderr ended before ffmpeg described its output: it could not open the input.
                await ffmpeg.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                throw new FrameSourceException($"{Description} could not be opened: {ffmpeg.Reason()}");
            }

            int frameBytes = checked(size.width * size.height * 3);
            long origin = 0;
            while (!stopping.IsCancellationRequested)
            {
                byte[] pixels = Rent(frameBytes);
                int read = await ffmpeg.Output.ReadAtLeastAsync(pixels, frameBytes, throwOnEndOfStream: false, stopping).ConfigureAwait(false);
                if (read < frameBytes)
                {
                    break;
                }

                long now = _time.GetTimestamp();
                long sequence = Interlocked.Increment(ref _captured) - 1;
                if (sequence == 0)
                {
                    origin = now;
                }

                _frames.Writer.TryWrite(new ImageFrame(pixels, size.width, size.height, size.width * 3)
                {
                    Sequence = sequence,
                    Timestamp = _time.GetElapsedTime(origin, now),
                    CapturedAt = now,
                    Origin = string.Create(CultureInfo.InvariantCulture, $"{_device} frame {sequence}"),
                });
            }

            if (!stopping.IsCancellationRequested)
            {
                await ffmpeg.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                if (ffmpeg.ExitCode != 0)
                {
                    long frames = CapturedFrames;
                    throw new FrameSourceException(frames == 0
                        ? $"{Description} could not be opened: {ffmpeg.Reason()}"
                        : $"{Description} stopped after {frames} frames: {ffmpeg.Reason()}");
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposed or the reader went away: a normal end.
        }
        catch (IOException ex) when (!stopping.IsCancellationRequested)
        {
            failure = new FrameSourceException($"{Description} stopped after {CapturedFrames} frames: {ex.Message}", ex);
        }
        catch (FrameSourceException ex)
        {
            failure = ex;
        }
        finally
        {
            _frames.Writer.TryComplete(failure);
        }
    }

    private byte[] Rent(int length)
    {
        while (_pool.TryDequeue(out byte[]? buffer))
        {
            if (buffer.Length == length)
            {
                Interlocked.Increment(ref _reusedBuffers);
                return buffer;
            }
        }

        return new byte[length];
    }

    // Called by the channel for a frame pushed out unseen: count it and recycle its buffer.
    private void OnDropped(ImageFrame frame)
    {
        Interlocked.Increment(ref _dropped);
        if (_pool.Count < PoolCapacity)
        {
            _pool.Enqueue(frame.Pixels);
        }
    }
}
