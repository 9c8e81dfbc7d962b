using Captions.Renderer.Layout;
using Captions.Renderer.OpenGL.Glfw;
using Captions.Renderer.Scene;
using Captions.Renderer.Text;
using Captions.Renderer.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Captions.Renderer.OpenGL.Hosting;

/// <summary>
/// Live captions on the glasses: the pipeline writes caption versions into <see cref="Scenes"/> (an ICaptionSink
/// that publishes through a triple buffer and never blocks), one render thread composes and draws the newest scene
/// every frame into windows (sbs, dual, mono) or headless PNG frames, and <see cref="Presented"/> reports when each
/// caption version first reached the display.
/// </summary>
/// <remarks>
/// Threading model: GLFW windows live on a dedicated event thread (GLFW wants one thread for init, windows and
/// events; X11 does not require it to be the process's first thread); the GL context(s), the composer, the text
/// layouter and its atlas belong to the render thread; the pipeline only touches <see cref="Scenes"/>.
/// Disposal stops the render thread first, then the window thread, then frees fonts.
/// </remarks>
public sealed class CaptionDisplay : IAsyncDisposable
{
    private readonly FontCollection _fonts;
    private readonly TextLayouter _layouter;
    private readonly CaptionComposer _composer;
    private readonly RenderLoop _loop;
    private readonly WindowThread? _windows;
    private PngFrameRecorder? _recorder;
    private bool _disposed;

    private CaptionDisplay(CaptionDisplayOptions options, TimeProvider time, ILoggerFactory loggers, WindowThread? windows)
    {
        Options = options;
        _windows = windows;
        var scenes = new TripleBuffer<CaptionScene>(() => new CaptionScene());
        Scenes = new CaptionSceneBuilder(scenes, time);
        _fonts = new FontCollection(options.Fonts ?? FontCollection.DefaultChain, loggers.CreateLogger("Captions.Fonts"));
        try
        {
            _layouter = new TextLayouter(new GlyphAtlas(options.AtlasSize, options.AtlasSize), _fonts);
            _composer = new CaptionComposer(scenes, _layouter, time, options.Style, options.Stereo);
        }
        catch
        {
            _fonts.Dispose();
            throw;
        }

        var display = options.Display;
        var interval = display.Layout == DisplayLayout.Headless || !display.VSync ? TimeSpan.FromSeconds(1.0 / display.RefreshHz) : (TimeSpan?)null;
        var renderLogger = loggers.CreateLogger("Captions.Render");
        _loop = new RenderLoop(CreateTarget, _composer, new RenderLoopOptions { FrameInterval = interval }, time, renderLogger);

        IFrameTarget CreateTarget()
        {
            if (_windows is not null)
            {
                return _windows.Display.CreateTarget();
            }

            if (options.PngDirectory is { } directory)
            {
                return _recorder = PngFrameRecorder.Create(directory, display.EyeWidth, display.EyeHeight, renderLogger);
            }

            return new HeadlessTarget(HeadlessRenderer.Create(display.EyeWidth, display.EyeHeight));
        }
    }

    public CaptionDisplayOptions Options { get; }

    /// <summary>The pipeline's side: add it as a caption sink (or call Apply / SetOverlays directly).</summary>
    public CaptionSceneBuilder Scenes { get; }

    /// <summary>First-presented records, one per caption version shown.</summary>
    public CaptionPresentedOutlet Presented => _composer.Presented;

    public long FramesPresented => _loop.FramesPresented;

    public long FramesChanged => _loop.FramesChanged;

    /// <summary>Bytes the render thread allocated after warm-up (-1 until then): zero in steady state.</summary>
    public long SteadyStateAllocatedBytes => _loop.SteadyStateAllocatedBytes;

    /// <summary>PNG frames written (png output only).</summary>
    public long FramesWritten => _recorder?.FramesWritten ?? 0;

    /// <summary>Changed frames the PNG writer could not keep up with.</summary>
    public long FramesDropped => _recorder?.FramesDropped ?? 0;

    /// <summary>Completes when the render loop ends: a window was closed, or it failed (faulted with the error).</summary>
    public Task Completion => _loop.Completion;

    /// <summary>
    /// Loads fonts, opens the windows (or the headless context) and starts the render thread.
    /// </summary>
    /// <exception cref="GraphicsUnavailableException">No OpenGL, no X server, no libglfw/libEGL (the message says which).</exception>
    /// <exception cref="FontNotFoundException">The primary font is missing.</exception>
    public static async Task<CaptionDisplay> StartAsync(CaptionDisplayOptions options, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Display.Validate();
        options.Style.Validate();
        loggers ??= NullLoggerFactory.Instance;
        WindowThread? windows = null;
        if (options.Display.Layout != DisplayLayout.Headless)
        {
            windows = await WindowThread.OpenAsync(options.Display, loggers.CreateLogger("Captions.Windows")).ConfigureAwait(false);
        }

        CaptionDisplay? display = null;
        try
        {
            display = new CaptionDisplay(options, time ?? TimeProvider.System, loggers, windows);
            await display._loop.StartAsync().ConfigureAwait(false);
            return display;
        }
        catch
        {
            if (display is not null)
            {
                await display.DisposeAsync().ConfigureAwait(false);
            }
            else if (windows is not null)
            {
                await windows.StopAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _loop.DisposeAsync().ConfigureAwait(false);
        if (_windows is not null)
        {
            await _windows.StopAsync().ConfigureAwait(false);
        }

        _layouter.Dispose();
        _fonts.Dispose();
    }

    /// <summary>The headless output without recording: draws and reads back nothing but the GPU work (tests, benchmarks).</summary>
    private sealed class HeadlessTarget(HeadlessRenderer renderer) : IFrameTarget
    {
        public int EyeWidth => renderer.EyeWidth;

        public int EyeHeight => renderer.EyeHeight;

        public bool IsClosed => false;

        public void Present(Drawing.RenderFrame frame)
        {
            renderer.Draw(frame);
            renderer.Finish();
        }

        public void Dispose() => renderer.Dispose();
    }

    /// <summary>The thread that owns GLFW: opens the windows, pumps their events until stopped, then destroys them.</summary>
    private sealed class WindowThread
    {
        private readonly ManualResetEventSlim _stop = new();
        private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private WindowThread(GlfwDisplay display) => Display = display;

        public GlfwDisplay Display { get; }

        public static Task<WindowThread> OpenAsync(DisplayOptions options, ILogger logger)
        {
            var opened = new TaskCompletionSource<WindowThread>(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                WindowThread owner;
                try
                {
                    owner = new WindowThread(GlfwDisplay.Open(options, logger));
                }
                catch (Exception e)
                {
                    opened.TrySetException(e);
                    return;
                }

                opened.TrySetResult(owner);
                owner.Run();
            })
            {
                IsBackground = true,
                Name = "Captions windows",
            };
            thread.Start();
            return opened.Task;
        }

        public async Task StopAsync()
        {
            _stop.Set();
            await _exited.Task.ConfigureAwait(false);
        }

        private void Run()
        {
            try
            {
                // 50 ms: close clicks and resizes feel immediate; the render thread never waits on this loop.
                while (!_stop.IsSet)
                {
                    Display.PumpEvents(TimeSpan.FromMilliseconds(50));
                }
            }
            finally
            {
                Display.Dispose();
                _exited.TrySetResult();
            }
        }
    }
}
