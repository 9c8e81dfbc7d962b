using System.Runtime.InteropServices;
using System.Text;

namespace Captions.Renderer.OpenGL.Egl;

/// <summary>
/// A headless OpenGL 3.3 core context on Mesa's surfaceless EGL platform (no X server, no GPU needed: llvmpipe).
/// Rendering goes into framebuffer objects; there is no default framebuffer.
/// </summary>
/// <remarks>
/// Threading model: the context is current on the thread that created it. An EGL context is current on one thread at a
/// time; <see cref="ReleaseCurrent"/> then <see cref="MakeCurrent"/> moves it. The EGL display is left initialised at
/// dispose: eglTerminate would tear down every other context on the same (process-wide) display.
/// </remarks>
public sealed unsafe class EglHeadlessContext : IDisposable
{
    private readonly Egl _egl;
    private readonly nint _display;
    private nint _context;

    private EglHeadlessContext(Egl egl, nint display, nint context)
    {
        _egl = egl;
        _display = display;
        _context = context;
        Gl = GL.GetApi(GetProcAddress);
        Renderer = Gl.GetStringS(GLEnum.Renderer);
        Version = Gl.GetStringS(GLEnum.Version);
    }

    public GL Gl { get; }

    /// <summary>GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".</summary>
    public string Renderer { get; }

    /// <summary>GL_VERSION, e.g. "4.5 (Core Profile) Mesa 22.3.6".</summary>
    public string Version { get; }

    /// <summary>Creates the context and makes it current on the calling thread.</summary>
    /// <exception cref="GraphicsUnavailableException">No EGL, no surfaceless platform, or no OpenGL 3.3 core context.</exception>
    public static EglHeadlessContext Create()
    {
        var egl = Egl.Load();
        nint display = egl.GetPlatformDisplay(Egl.PlatformSurfacelessMesa, 0, null);
        if (display == 0)
        {
            // Not Mesa (or a Mesa without the surfaceless platform): the default display may still offer
            // EGL_KHR_surfaceless_context.
            display = egl.GetDisplay(0);
        }

        int major;
        int minor;
        if (display == 0 || egl.Initialize(display, &major, &minor) == 0)
        {
            throw new GraphicsUnavailableException(
                $"EGL could not initialise a surfaceless display (eglGetError 0x{egl.GetError():X4}): install Mesa's libegl-mesa0 and libgl1-mesa-dri " +
                "(run ./scripts/bootstrap.sh), or use --display png:DIR");
        }

        string extensions = Marshal.PtrToStringUTF8((nint)egl.QueryString(display, Egl.Extensions)) ?? string.Empty;
        if (!extensions.Contains("EGL_KHR_surfaceless_context", StringComparison.Ordinal))
        {
            throw new GraphicsUnavailableException($"the EGL display (EGL {major}.{minor}) lacks EGL_KHR_surfaceless_context, which headless rendering needs");
        }

        if (egl.BindApi(Egl.OpenGLApi) == 0)
        {
            throw new GraphicsUnavailableException($"EGL cannot bind the desktop OpenGL API (eglGetError 0x{egl.GetError():X4})");
        }

        nint config = 0;
        if (!extensions.Contains("EGL_KHR_no_config_context", StringComparison.Ordinal))
        {
            int* configAttributes = stackalloc int[] { Egl.RenderableType, Egl.OpenGLBit, Egl.None };
            int count;
            if (egl.ChooseConfig(display, configAttributes, &config, 1, &count) == 0 || count < 1)
            {
                throw new GraphicsUnavailableException("EGL offers no OpenGL-renderable config");
            }
        }

        int* contextAttributes = stackalloc int[]
        {
            Egl.ContextMajorVersion, 3,
            Egl.ContextMinorVersion, 3,
            Egl.ContextOpenGLProfileMask, Egl.ContextOpenGLCoreProfileBit,
            Egl.None,
        };
        nint context = egl.CreateContext(display, config, 0, contextAttributes);
        if (context == 0)
        {
            throw new GraphicsUnavailableException($"EGL could not create an OpenGL 3.3 core context (eglGetError 0x{egl.GetError():X4})");
        }

        if (egl.MakeCurrent(display, 0, 0, context) == 0)
        {
            int error = egl.GetError();
            egl.DestroyContext(display, context);
            throw new GraphicsUnavailableException($"eglMakeCurrent without a surface failed (eglGetError 0x{error:X4})");
        }

        return new EglHeadlessContext(egl, display, context);
    }

    /// <summary>Makes the context current on the calling thread (after another thread released it).</summary>
    public void MakeCurrent()
    {
        ObjectDisposedException.ThrowIf(_context == 0, this);
        if (_egl.MakeCurrent(_display, 0, 0, _context) == 0)
        {
            throw new GLException($"eglMakeCurrent failed (eglGetError 0x{_egl.GetError():X4}): is the context current on another thread?");
        }
    }

    /// <summary>Releases the context from the calling thread so another thread can make it current.</summary>
    public void ReleaseCurrent() => _egl.MakeCurrent(_display, 0, 0, 0);

    public void Dispose()
    {
        if (_context == 0)
        {
            return;
        }

        _egl.MakeCurrent(_display, 0, 0, 0);
        _egl.DestroyContext(_display, _context);
        _context = 0;
    }

    private nint GetProcAddress(string name)
    {
        int length = Encoding.ASCII.GetByteCount(name);
        byte* buffer = stackalloc byte[length + 1];
        Encoding.ASCII.GetBytes(name, new Span<byte>(buffer, length));
        buffer[length] = 0;
        return _egl.GetProcAddress(buffer);
    }
}
