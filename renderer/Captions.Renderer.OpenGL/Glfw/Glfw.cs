using System.Runtime.InteropServices;
using Captions.Renderer.OpenGL.Native;

namespace Captions.Renderer.OpenGL.Glfw;

/// <summary>
/// The GLFW 3.3 entry points the windowed outputs use, resolved once from libglfw.so.3 (Debian libglfw3, X11).
/// Constants from glfw3.h 3.3. Errors arrive through the error callback, kept per thread (GLFW calls it on the
/// thread whose call failed) and turned into exceptions by the caller.
/// </summary>
internal sealed unsafe class Glfw
{
    public const int Focused = 0x00020001;
    public const int Resizable = 0x00020003;
    public const int Visible = 0x00020004;
    public const int Decorated = 0x00020005;
    public const int SrgbCapable = 0x0002100E;
    public const int RefreshRate = 0x0002100F;
    public const int DoubleBuffer = 0x00021010;
    public const int ClientApi = 0x00022001;
    public const int ContextVersionMajor = 0x00022002;
    public const int ContextVersionMinor = 0x00022003;
    public const int OpenGLForwardCompat = 0x00022006;
    public const int OpenGLProfile = 0x00022008;
    public const int OpenGLApi = 0x00030001;
    public const int OpenGLCoreProfile = 0x00032001;

    private static readonly Lock s_gate = new();
    private static Glfw? s_instance;

    [ThreadStatic]
    private static string? t_lastError;

    private Glfw(nint library)
    {
        nint Get(string name) => NativeLibraryLoader.Export(library, "libglfw.so.3", name);

        Init = (delegate* unmanaged<int>)Get("glfwInit");
        Terminate = (delegate* unmanaged<void>)Get("glfwTerminate");
        SetErrorCallback = (delegate* unmanaged<delegate* unmanaged<int, byte*, void>, nint>)Get("glfwSetErrorCallback");
        DefaultWindowHints = (delegate* unmanaged<void>)Get("glfwDefaultWindowHints");
        WindowHint = (delegate* unmanaged<int, int, void>)Get("glfwWindowHint");
        CreateWindow = (delegate* unmanaged<int, int, byte*, nint, nint, nint>)Get("glfwCreateWindow");
        DestroyWindow = (delegate* unmanaged<nint, void>)Get("glfwDestroyWindow");
        MakeContextCurrent = (delegate* unmanaged<nint, void>)Get("glfwMakeContextCurrent");
        GetProcAddress = (delegate* unmanaged<byte*, nint>)Get("glfwGetProcAddress");
        SwapInterval = (delegate* unmanaged<int, void>)Get("glfwSwapInterval");
        SwapBuffers = (delegate* unmanaged<nint, void>)Get("glfwSwapBuffers");
        PollEvents = (delegate* unmanaged<void>)Get("glfwPollEvents");
        WaitEventsTimeout = (delegate* unmanaged<double, void>)Get("glfwWaitEventsTimeout");
        PostEmptyEvent = (delegate* unmanaged<void>)Get("glfwPostEmptyEvent");
        WindowShouldClose = (delegate* unmanaged<nint, int>)Get("glfwWindowShouldClose");
        GetFramebufferSize = (delegate* unmanaged<nint, int*, int*, void>)Get("glfwGetFramebufferSize");
        SetWindowPos = (delegate* unmanaged<nint, int, int, void>)Get("glfwSetWindowPos");
        GetMonitors = (delegate* unmanaged<int*, nint*>)Get("glfwGetMonitors");
        GetMonitorName = (delegate* unmanaged<nint, byte*>)Get("glfwGetMonitorName");
        GetMonitorPos = (delegate* unmanaged<nint, int*, int*, void>)Get("glfwGetMonitorPos");
        GetVideoMode = (delegate* unmanaged<nint, VideoMode*>)Get("glfwGetVideoMode");
        GetVersionString = (delegate* unmanaged<byte*>)Get("glfwGetVersionString");
    }

    public delegate* unmanaged<int> Init { get; }

    public delegate* unmanaged<void> Terminate { get; }

    public delegate* unmanaged<delegate* unmanaged<int, byte*, void>, nint> SetErrorCallback { get; }

    public delegate* unmanaged<void> DefaultWindowHints { get; }

    public delegate* unmanaged<int, int, void> WindowHint { get; }

    public delegate* unmanaged<int, int, byte*, nint, nint, nint> CreateWindow { get; }

    public delegate* unmanaged<nint, void> DestroyWindow { get; }

    public delegate* unmanaged<nint, void> MakeContextCurrent { get; }

    public delegate* unmanaged<byte*, nint> GetProcAddress { get; }

    public delegate* unmanaged<int, void> SwapInterval { get; }

    public delegate* unmanaged<nint, void> SwapBuffers { get; }

    public delegate* unmanaged<void> PollEvents { get; }

    public delegate* unmanaged<double, void> WaitEventsTimeout { get; }

    public delegate* unmanaged<void> PostEmptyEvent { get; }

    public delegate* unmanaged<nint, int> WindowShouldClose { get; }

    public delegate* unmanaged<nint, int*, int*, void> GetFramebufferSize { get; }

    public delegate* unmanaged<nint, int, int, void> SetWindowPos { get; }

    public delegate* unmanaged<int*, nint*> GetMonitors { get; }

    public delegate* unmanaged<nint, byte*> GetMonitorName { get; }

    public delegate* unmanaged<nint, int*, int*, void> GetMonitorPos { get; }

    public delegate* unmanaged<nint, VideoMode*> GetVideoMode { get; }

    public delegate* unmanaged<byte*> GetVersionString { get; }

    /// <summary>Loads libglfw once per process and installs the error callback.</summary>
    /// <exception cref="GraphicsUnavailableException">libglfw.so.3 is missing.</exception>
    public static Glfw Load()
    {
        lock (s_gate)
        {
            if (s_instance is null)
            {
                MesaEnvironment.Prepare();
                var glfw = new Glfw(NativeLibraryLoader.Load("libglfw3", "libglfw.so.3", "libglfw.so"));
                glfw.SetErrorCallback(&OnError);
                s_instance = glfw;
            }

            return s_instance;
        }
    }

    /// <summary>The last error GLFW reported on this thread (and clears it), or null.</summary>
    public static string? TakeLastError()
    {
        string? error = t_lastError;
        t_lastError = null;
        return error;
    }

    public nint GetProcAddressOf(string name)
    {
        byte[] ascii = System.Text.Encoding.ASCII.GetBytes(name + "\0");
        fixed (byte* p = ascii)
        {
            return GetProcAddress(p);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnError(int code, byte* description) =>
        t_lastError = $"GLFW error 0x{code:X5}: {Marshal.PtrToStringUTF8((nint)description)}";

    /// <summary>GLFWvidmode.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct VideoMode
    {
        public int Width;
        public int Height;
        public int RedBits;
        public int GreenBits;
        public int BlueBits;
        public int RefreshRate;
    }
}
