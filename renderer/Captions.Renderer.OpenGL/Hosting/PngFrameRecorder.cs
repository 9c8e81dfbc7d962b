using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Captions.Renderer.Drawing;
using Captions.Renderer.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Captions.Renderer.OpenGL.Hosting;

/// <summary>
/// A headless frame target that records every frame whose content changed as a PNG of both eyes side by side
/// (frame-000001.png, ...), for `--display png:DIR`, the demo and anyone checking what the glasses would show.
/// Unchanged frames are not drawn at all. Encoding runs on a writer thread: the render thread only draws, reads back
/// into one of <see cref="PoolSize"/> preallocated buffers and hands its index over; when every buffer is still being
/// written the frame is dropped and counted (<see cref="FramesDropped"/>) rather than blocking the render thread.
/// </summary>
/// <remarks>
/// Threading model: created, presented to and disposed on the render thread (it owns the GL context); the writer
/// thread only touches buffers it was handed. Dispose waits for the writer to finish the queued frames.
/// </remarks>
public sealed class PngFrameRecorder : IFrameTarget
{
    /// <summary>Three buffers (3 x 24.9 MB at 2x1920x1080) ride out a slow PNG encode without dropping a burst of changes.</summary>
    public const int PoolSize = 3;

    private readonly HeadlessRenderer _renderer;
    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly byte[][] _buffers = new byte[PoolSize][];
    private readonly ConcurrentQueue<int> _free = new();
    private readonly Channel<int> _filled = Channel.CreateBounded<int>(new BoundedChannelOptions(PoolSize)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Task _writer;
    private long _sequence;
    private long _written;
    private long _dropped;
    private bool _disposed;

    private PngFrameRecorder(HeadlessRenderer renderer, string directory, ILogger logger)
    {
        _renderer = renderer;
        _directory = directory;
        _logger = logger;
        for (var i = 0; i < PoolSize; i++)
        {
            _buffers[i] = new byte[renderer.Width * renderer.Height * 4];
            _free.Enqueue(i);
        }

        _writer = Task.Factory.StartNew(WriteLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    public int EyeWidth => _renderer.EyeWidth;

    public int EyeHeight => _renderer.EyeHeight;

    public bool IsClosed => false;

    public string Directory => _directory;

    /// <summary>PNG files written so far.</summary>
    public long FramesWritten => Interlocked.Read(ref _written);

    /// <summary>Changed frames not recorded because the writer was still busy with earlier ones.</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Creates the headless context on the calling thread (the render thread) and the output folder.</summary>
    /// <exception cref="GraphicsUnavailableException">No headless OpenGL here.</exception>
    /// <exception cref="IOException">The folder cannot be created (the message names it).</exception>
    public static PngFrameRecorder Create(string directory, int eyeWidth, int eyeHeight, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        try
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot create the frame folder '{directory}': {e.Message}", e);
        }

        var renderer = HeadlessRenderer.Create(eyeWidth, eyeHeight);
        return new PngFrameRecorder(renderer, directory, logger ?? NullLogger.Instance);
    }

    public void Present(RenderFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!frame.ContentChanged && _sequence > 0)
        {
            return;
        }

        _sequence++;
        if (!_free.TryDequeue(out var index))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        _renderer.Render(frame, _buffers[index]);

        // Capacity equals the pool, and only dequeued (free) buffers are written: TryWrite cannot fail.
        _filled.Writer.TryWrite(index);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _filled.Writer.TryComplete();

        // The writer only encodes and writes files; it never waits on this thread, so waiting here cannot deadlock.
        // Dispose is synchronous (IFrameTarget), and queued frames must reach disk before it returns.
        _writer.GetAwaiter().GetResult();
        _renderer.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var number = 0L;
        await foreach (var index in _filled.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            number++;
            var path = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"frame-{number:D6}.png"));
            try
            {
                PngWriter.WriteFile(path, _buffers[index], _renderer.Width, _renderer.Height);
                Interlocked.Increment(ref _written);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _logger.LogError("Could not write frame {Path}: {Message}", path, e.Message);
            }
            finally
            {
                _free.Enqueue(index);
            }
        }
    }
}
