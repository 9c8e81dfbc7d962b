using Captions.Renderer.OpenGL.Native;

namespace Captions.Renderer.OpenGL.Egl;

/// <summary>
/// The EGL 1.5 entry points a headless context needs, resolved once from libEGL.so.1 (glvnd, dispatching to Mesa).
/// Constants from Khronos egl.h / eglext.h as installed by Debian 12.
/// </summary>
internal sealed unsafe class Egl
{
    public const int None = 0x3038;
    public const int Success = 0x3000;
    public const int SurfaceType = 0x3033;
    public const int PbufferBit = 0x0001;
    public const int RenderableType = 0x3040;
    public const int OpenGLBit = 0x0008;
    public const int OpenGLApi = 0x30A2;
    public const int Vendor = 0x3053;
    public const int Version = 0x3054;
    public const int Extensions = 0x3055;
    public const int ContextMajorVersion = 0x3098;
    public const int ContextMinorVersion = 0x30FB;
    public const int ContextOpenGLProfileMask = 0x30FD;
    public const int ContextOpenGLCoreProfileBit = 0x0001;
    public const int PlatformSurfacelessMesa = 0x31DD;

    private static readonly Lock s_gate = new();
    private static Egl? s_instance;

    private Egl(nint library)
    {
        nint Get(string name) => NativeLibraryLoader.Export(library, "libEGL.so.1", name);

        GetError = (delegate* unmanaged<int>)Get("eglGetError");
        GetDisplay = (delegate* unmanaged<nint, nint>)Get("eglGetDisplay");
        GetPlatformDisplay = (delegate* unmanaged<int, nint, nint*, nint>)Get("eglGetPlatformDisplay");
        Initialize = (delegate* unmanaged<nint, int*, int*, int>)Get("eglInitialize");
        Terminate = (delegate* unmanaged<nint, int>)Get("eglTerminate");
        QueryString = (delegate* unmanaged<nint, int, byte*>)Get("eglQueryString");
        BindApi = (delegate* unmanaged<int, int>)Get("eglBindAPI");
        ChooseConfig = (delegate* unmanaged<nint, int*, nint*, int, int*, int>)Get("eglChooseConfig");
        CreateContext = (delegate* unmanaged<nint, nint, nint, int*, nint>)Get("eglCreateContext");
        DestroyContext = (delegate* unmanaged<nint, nint, int>)Get("eglDestroyContext");
        MakeCurrent = (delegate* unmanaged<nint, nint, nint, nint, int>)Get("eglMakeCurrent");
        GetProcAddress = (delegate* unmanaged<byte*, nint>)Get("eglGetProcAddress");
        ReleaseThread = (delegate* unmanaged<int>)Get("eglReleaseThread");
    }

    public delegate* unmanaged<int> GetError { get; }

    public delegate* unmanaged<nint, nint> GetDisplay { get; }

    public delegate* unmanaged<int, nint, nint*, nint> GetPlatformDisplay { get; }

    public delegate* unmanaged<nint, int*, int*, int> Initialize { get; }

    public delegate* unmanaged<nint, int> Terminate { get; }

    public delegate* unmanaged<nint, int, byte*> QueryString { get; }

    public delegate* unmanaged<int, int> BindApi { get; }

    public delegate* unmanaged<nint, int*, nint*, int, int*, int> ChooseConfig { get; }

    public delegate* unmanaged<nint, nint, nint, int*, nint> CreateContext { get; }

    public delegate* unmanaged<nint, nint, int> DestroyContext { get; }

    public delegate* unmanaged<nint, nint, nint, nint, int> MakeCurrent { get; }

    public delegate* unmanaged<byte*, nint> GetProcAddress { get; }

    public delegate* unmanaged<int> ReleaseThread { get; }

    /// <summary>Loads libEGL once per process (after pointing Mesa's shader cache at the Captions cache).</summary>
    /// <exception cref="GraphicsUnavailableException">libEGL.so.1 is missing or lacks EGL 1.5 entry points.</exception>
    public static Egl Load()
    {
        lock (s_gate)
        {
            if (s_instance is null)
            {
                MesaEnvironment.Prepare();
                s_instance = new Egl(NativeLibraryLoader.Load("libegl1 and libegl-mesa0", "libEGL.so.1", "libEGL.so"));
            }

            return s_instance;
        }
    }
}
