using Captions.Renderer.Drawing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Captions.Renderer.OpenGL;

/// <summary>
/// The render thread: creates its frame target (GL context(s)) on itself, then each frame asks the composer for the
/// newest scene (<see cref="IFrameComposer.Compose"/>, which never waits on the pipeline), draws and presents it,
/// and reports the present time (<see cref="IFrameComposer.OnPresented"/>). Steady-state frames allocate nothing;
/// <see cref="SteadyStateAllocatedBytes"/> measures that on the render thread itself.
/// </summary>
/// <remarks>
/// Threading model: one dedicated thread owns the target, its GL context(s) and the <see cref="RenderFrame"/>; the
/// composer is only called there. Other threads start, observe and stop the loop. Windows stay with the main thread
/// (<see cref="Glfw.GlfwDisplay"/>); only their contexts move here.
/// </remarks>
public sealed class RenderLoop : IAsyncDisposable
{
    private readonly Func<IFrameTarget> _createTarget;
    private readonly IFrameComposer _composer;
    private readonly RenderLoopOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;
    private long _framesPresented;
    private long _framesChanged;
    private long _steadyAllocated = -1;

    public RenderLoop(Func<IFrameTarget> createTarget, IFrameComposer composer, RenderLoopOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(createTarget);
        ArgumentNullException.ThrowIfNull(composer);
        _createTarget = createTarget;
        _composer = composer;
        _options = options ?? new RenderLoopOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Frames drawn and presented so far.</summary>
    public long FramesPresented => Interlocked.Read(ref _framesPresented);

    /// <summary>Frames for which the composer reported changed content.</summary>
    public long FramesChanged => Interlocked.Read(ref _framesChanged);

    /// <summary>
    /// Bytes the render thread allocated since the end of warm-up (<see cref="RenderLoopOptions.WarmupFrames"/>),
    /// measured with GC.GetAllocatedBytesForCurrentThread on the render thread; -1 until warm-up ends.
    /// </summary>
    public long SteadyStateAllocatedBytes => Interlocked.Read(ref _steadyAllocated);

    /// <summary>Completes when the loop has exited (faulted with the render thread's exception, if any).</summary>
    public Task Completion => _completion.Task;

    /// <summary>Starts the render thread; completes once the target exists (or faults, e.g. with <see cref="GraphicsUnavailableException"/>).</summary>
    public Task StartAsync()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("the render loop is already started");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "Captions render" };
        _thread.Start();
        return _started.Task;
    }

    /// <summary>Asks the render thread to stop after the current frame and waits (asynchronously) until it has.</summary>
    public async Task StopAsync()
    {
        _stop.Set();
        if (_thread is not null)
        {
            try
            {
                await _completion.Task.ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Already observable through Completion; stopping does not rethrow it.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Run()
    {
        IFrameTarget target;
        try
        {
            target = _createTarget();
        }
        catch (Exception e)
        {
            _started.TrySetException(e);
            _completion.TrySetException(e);
            return;
        }

        _started.TrySetResult();
        try
        {
            using (target)
            {
                Loop(target);
            }

            _completion.TrySetResult();
        }
        catch (Exception e)
        {
            _logger.LogError(e, "The render thread stopped after {Frames} frames", FramesPresented);
            _completion.TrySetException(e);
        }
    }

    private void Loop(IFrameTarget target)
    {
        var frame = new RenderFrame(target.EyeWidth, target.EyeHeight, _options.QuadCapacity);

        // ManualResetEventSlim creates its lock object (24 B) the first time a wait really blocks. Block once now, so
        // that allocation never lands in a steady frame when pacing first waits after warm-up (seen under Xvfb).
        _stop.Wait(1);
        long interval = _options.FrameInterval is { } span ? (long)(span.TotalSeconds * _time.TimestampFrequency) : 0;
        long baseline = 0;
        long frameIndex = 0;
        while (!_stop.IsSet && !target.IsClosed)
        {
            long start = _time.GetTimestamp();
            frame.Clear();
            frame.ContentChanged = _composer.Compose(start, frame);
            if (frame.ContentChanged)
            {
                Interlocked.Increment(ref _framesChanged);
            }

            target.Present(frame);
            _composer.OnPresented(_time.GetTimestamp());
            Interlocked.Increment(ref _framesPresented);

            frameIndex++;
            if (frameIndex == _options.WarmupFrames)
            {
                baseline = GC.GetAllocatedBytesForCurrentThread();
                Interlocked.Exchange(ref _steadyAllocated, 0);
            }
            else if (frameIndex > _options.WarmupFrames)
            {
                Interlocked.Exchange(ref _steadyAllocated, GC.GetAllocatedBytesForCurrentThread() - baseline);
            }

            if (interval > 0)
            {
                long remaining = start + interval - _time.GetTimestamp();
                if (remaining > 0)
                {
                    // Waiting on the stop event paces the loop and lets StopAsync end it at once.
                    _stop.Wait((int)Math.Max(1, remaining * 1000 / _time.TimestampFrequency));
                }
            }
        }
    }
}
