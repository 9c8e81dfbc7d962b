using System.Runtime.InteropServices;
using System.Text;
using Captions.Renderer.OpenGL.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Captions.Renderer.OpenGL.Glfw;

/// <summary>
/// The windows of a windowed output: one 2W x H window (sbs), two W x H windows (dual), or one W x H window (mono),
/// each with its own OpenGL 3.3 core, sRGB-capable context. Full screen on the chosen monitors, else windowed.
/// </summary>
/// <remarks>
/// Threading model: GLFW requires the main thread for init, windows and events, so <see cref="Open"/>,
/// <see cref="PumpEvents"/> and <see cref="Dispose"/> run there; the contexts are handed to the render thread through
/// <see cref="CreateTarget"/> (called on the render thread). Dispose only after the render loop has stopped.
/// One display per process: GLFW's state is global.
/// </remarks>
public sealed unsafe class GlfwDisplay : IDisposable
{
    private static int s_openCount;

    private readonly Glfw _glfw;
    private readonly nint[] _windows;
    private readonly ILogger _logger;
    private bool _disposed;

    private GlfwDisplay(Glfw glfw, DisplayOptions options, nint[] windows, IReadOnlyList<MonitorInfo> monitors, ILogger logger)
    {
        _glfw = glfw;
        Options = options;
        _windows = windows;
        Monitors = monitors;
        _logger = logger;
    }

    public DisplayOptions Options { get; }

    public IReadOnlyList<MonitorInfo> Monitors { get; }

    public int WindowCount => _windows.Length;

    /// <summary>True once the user asked to close any window. Safe from any thread.</summary>
    public bool CloseRequested
    {
        get
        {
            foreach (nint window in _windows)
            {
                if (_glfw.WindowShouldClose(window) != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Initialises GLFW and creates the windows for <paramref name="options"/>. Main thread.</summary>
    /// <exception cref="GraphicsUnavailableException">No libglfw, no X server at DISPLAY, or no OpenGL 3.3 core context.</exception>
    public static GlfwDisplay Open(DisplayOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Layout == DisplayLayout.Headless)
        {
            throw new ArgumentException("the headless layout has no windows: use HeadlessRenderer", nameof(options));
        }

        if (Interlocked.CompareExchange(ref s_openCount, 1, 0) != 0)
        {
            throw new InvalidOperationException("a GlfwDisplay is already open in this process (GLFW state is global)");
        }

        try
        {
            return OpenCore(options, logger ?? NullLogger.Instance);
        }
        catch
        {
            Volatile.Write(ref s_openCount, 0);
            throw;
        }
    }

    /// <summary>Processes window events, waiting at most <paramref name="timeout"/> for one. Main thread.</summary>
    public void PumpEvents(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _glfw.WaitEventsTimeout(Math.Max(0, timeout.TotalSeconds));
        if (Glfw.TakeLastError() is { } error)
        {
            // Errors after start-up (a lost monitor, a failed mode switch) are not fatal: log them.
            _logger.LogWarning("{GlfwError}", error);
        }
    }

    /// <summary>
    /// Takes the windows' contexts onto the calling (render) thread and returns the target the render loop draws to.
    /// </summary>
    public IFrameTarget CreateTarget(WindowReadbackCallback? readback = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new GlfwFrameTarget(_glfw, _windows, Options, readback, _logger);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (nint window in _windows)
        {
            _glfw.DestroyWindow(window);
        }

        _glfw.Terminate();
        Volatile.Write(ref s_openCount, 0);
    }

    private static GlfwDisplay OpenCore(DisplayOptions options, ILogger logger)
    {
        var glfw = Glfw.Load();
        string? previousDisplay = MesaEnvironment.GetNative("DISPLAY");
        string? display = options.X11Display ?? previousDisplay;
        if (string.IsNullOrEmpty(display) && string.IsNullOrEmpty(MesaEnvironment.GetNative("WAYLAND_DISPLAY")))
        {
            throw new GraphicsUnavailableException(
                "no display: DISPLAY is not set. Run on a desktop session or under Xvfb (xvfb-run), or use --display png:DIR / headless rendering");
        }

        Glfw.TakeLastError();
        int initialised;
        if (options.X11Display is not null)
        {
            // GLFW's X11 backend reads DISPLAY (native getenv) in glfwInit only: set it for the call, then restore.
            MesaEnvironment.SetNative("DISPLAY", options.X11Display);
            initialised = glfw.Init();
            MesaEnvironment.RestoreNative("DISPLAY", previousDisplay);
        }
        else
        {
            initialised = glfw.Init();
        }

        if (initialised == 0)
        {
            throw new GraphicsUnavailableException(
                $"GLFW could not initialise on display '{display}' ({Glfw.TakeLastError() ?? "no reason given"}): " +
                "is the X server running? Use --display png:DIR or headless rendering without one");
        }

        try
        {
            var monitors = ListMonitors(glfw);
            int eyeWidth = options.EyeWidth;
            int eyeHeight = options.EyeHeight;
            nint[] windows = options.Layout switch
            {
                DisplayLayout.Sbs => [CreateWindow(glfw, options, 2 * eyeWidth, eyeHeight, options.Monitor, options.Title)],
                DisplayLayout.Mono => [CreateWindow(glfw, options, eyeWidth, eyeHeight, options.Monitor, options.Title)],
                _ => [
                    CreateWindow(glfw, options, eyeWidth, eyeHeight, options.Monitor, options.Title + " (left eye)"),
                    CreateWindow(glfw, options, eyeWidth, eyeHeight, options.RightMonitor, options.Title + " (right eye)"),
                ],
            };
            if (windows.Length == 2 && options.RightMonitor is null)
            {
                glfw.SetWindowPos(windows[1], eyeWidth, 0);
            }

            glfw.MakeContextCurrent(0);
            logger.LogInformation(
                "GLFW {Version}: {Layout} output, {Count} window(s), eyes {Width}x{Height}, vsync {VSync}",
                Marshal.PtrToStringUTF8((nint)glfw.GetVersionString()), options.Layout, windows.Length, eyeWidth, eyeHeight, options.VSync);
            return new GlfwDisplay(glfw, options, windows, monitors, logger);
        }
        catch
        {
            glfw.Terminate();
            throw;
        }
    }

    private static nint CreateWindow(Glfw glfw, DisplayOptions options, int width, int height, int? monitorIndex, string title)
    {
        nint monitor = 0;
        if (monitorIndex is { } index)
        {
            int count;
            nint* monitors = glfw.GetMonitors(&count);
            if (index < 0 || index >= count)
            {
                throw new ArgumentOutOfRangeException(nameof(options), $"monitor {index} does not exist: {count} monitor(s) are connected (0..{count - 1})");
            }

            monitor = monitors[index];
        }

        glfw.DefaultWindowHints();
        glfw.WindowHint(Glfw.ClientApi, Glfw.OpenGLApi);
        glfw.WindowHint(Glfw.ContextVersionMajor, 3);
        glfw.WindowHint(Glfw.ContextVersionMinor, 3);
        glfw.WindowHint(Glfw.OpenGLProfile, Glfw.OpenGLCoreProfile);
        glfw.WindowHint(Glfw.OpenGLForwardCompat, 1);
        glfw.WindowHint(Glfw.SrgbCapable, 1);
        glfw.WindowHint(Glfw.DoubleBuffer, 1);
        glfw.WindowHint(Glfw.Resizable, 0);
        glfw.WindowHint(Glfw.RefreshRate, options.RefreshHz);
        byte[] utf8Title = Encoding.UTF8.GetBytes(title + "\0");
        nint window;
        fixed (byte* p = utf8Title)
        {
            window = glfw.CreateWindow(width, height, p, monitor, 0);
        }

        if (window == 0)
        {
            throw new GraphicsUnavailableException(
                $"GLFW could not create a {width}x{height} window with an OpenGL 3.3 core context ({Glfw.TakeLastError() ?? "no reason given"})");
        }

        return window;
    }

    private static MonitorInfo[] ListMonitors(Glfw glfw)
    {
        int count;
        nint* monitors = glfw.GetMonitors(&count);
        var result = new MonitorInfo[Math.Max(count, 0)];
        for (int i = 0; i < result.Length; i++)
        {
            int x;
            int y;
            glfw.GetMonitorPos(monitors[i], &x, &y);
            Glfw.VideoMode* mode = glfw.GetVideoMode(monitors[i]);
            string name = Marshal.PtrToStringUTF8((nint)glfw.GetMonitorName(monitors[i])) ?? $"monitor {i}";
            result[i] = mode is null
                ? new MonitorInfo(i, name, x, y, 0, 0, 0)
                : new MonitorInfo(i, name, x, y, mode->Width, mode->Height, mode->RefreshRate);
        }

        return result;
    }
}
