using Captions.Renderer.Drawing;
using Captions.Renderer.OpenGL.Rendering;
using Microsoft.Extensions.Logging;

namespace Captions.Renderer.OpenGL.Glfw;

/// <summary>
/// Draws frames into the windows of a <see cref="GlfwDisplay"/>: sbs = both eyes in one window, dual = one eye per
/// window (one context each, made current in turn), mono = the left eye only.
/// </summary>
/// <remarks>
/// Threading model: created, used and disposed on the render thread; the windows' contexts are current here only.
/// Dispose releases the context so the main thread can destroy the windows.
/// </remarks>
internal sealed unsafe class GlfwFrameTarget : IFrameTarget
{
    private readonly Glfw _glfw;
    private readonly nint[] _windows;
    private readonly QuadRenderer[] _renderers;
    private readonly DisplayLayout _layout;
    private readonly WindowReadbackCallback? _readback;
    private byte[]? _readbackBuffer;
    private bool _disposed;

    public GlfwFrameTarget(Glfw glfw, nint[] windows, DisplayOptions options, WindowReadbackCallback? readback, ILogger logger)
    {
        _glfw = glfw;
        _windows = windows;
        _layout = options.Layout;
        _readback = readback;
        EyeWidth = options.EyeWidth;
        EyeHeight = options.EyeHeight;
        _renderers = new QuadRenderer[windows.Length];
        for (int i = 0; i < windows.Length; i++)
        {
            glfw.MakeContextCurrent(windows[i]);
            var gl = GL.GetApi(glfw.GetProcAddressOf);
            _renderers[i] = new QuadRenderer(gl);

            // Only the first window waits for vblank: two waiting swaps per frame would halve the frame rate.
            glfw.SwapInterval(options.VSync && i == 0 ? 1 : 0);
            gl.BindFramebuffer(GLEnum.Framebuffer, 0);
            int encoding = gl.GetFramebufferAttachmentParameter(GLEnum.Framebuffer, GLEnum.BackLeft, GLEnum.FramebufferAttachmentColorEncoding);
            if (gl.GetError() != GLEnum.NoError || encoding != (int)GLEnum.Srgb)
            {
                logger.LogWarning(
                    "Window {Index}'s framebuffer is not sRGB-capable ({Renderer}): text blends in sRGB space, slightly thinner than the reference",
                    i, gl.GetStringS(GLEnum.Renderer));
            }
        }
    }

    public int EyeWidth { get; }

    public int EyeHeight { get; }

    public bool IsClosed
    {
        get
        {
            // A loop, not LINQ: this runs every frame and must not allocate a closure.
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

    public void Present(RenderFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var dirty = frame.Atlas?.TakeDirty() ?? default;
        bool hasAtlas = frame.Atlas is not null;
        for (int i = 0; i < _windows.Length; i++)
        {
            if (_windows.Length > 1)
            {
                _glfw.MakeContextCurrent(_windows[i]);
            }

            QuadRenderer quads = _renderers[i];
            if (frame.Atlas is { } atlas)
            {
                quads.SyncAtlas(atlas, dirty);
            }

            int width = _layout == DisplayLayout.Sbs ? 2 * EyeWidth : EyeWidth;
            GL gl = quads.Gl;
            gl.BindFramebuffer(GLEnum.Framebuffer, 0);
            gl.Viewport(0, 0, width, EyeHeight);
            gl.ClearColor(0f, 0f, 0f, 1f);
            gl.Clear(ClearBufferMask.ColorBufferBit);
            quads.Upload(frame);
            switch (_layout)
            {
                case DisplayLayout.Sbs:
                    quads.DrawEye(frame.Left, 0, 0, EyeWidth, EyeHeight, hasAtlas, topRowFirst: false);
                    quads.DrawEye(frame.Right, EyeWidth, 0, EyeWidth, EyeHeight, hasAtlas, topRowFirst: false);
                    break;
                case DisplayLayout.Dual:
                    quads.DrawEye(i == 0 ? frame.Left : frame.Right, 0, 0, EyeWidth, EyeHeight, hasAtlas, topRowFirst: false);
                    break;
                default:
                    quads.DrawEye(frame.Left, 0, 0, EyeWidth, EyeHeight, hasAtlas, topRowFirst: false);
                    break;
            }

            if (_readback is not null)
            {
                ReadBack(gl, i, width);
            }

            _glfw.SwapBuffers(_windows[i]);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        for (int i = 0; i < _windows.Length; i++)
        {
            _glfw.MakeContextCurrent(_windows[i]);
            _renderers[i].Dispose();
        }

        _glfw.MakeContextCurrent(0);
    }

    private void ReadBack(GL gl, int window, int width)
    {
        int rowBytes = width * 4;
        int size = rowBytes * EyeHeight;
        if (_readbackBuffer is null || _readbackBuffer.Length < size)
        {
            _readbackBuffer = new byte[size];
        }

        gl.BindFramebuffer(GLEnum.ReadFramebuffer, 0);
        gl.ReadBuffer(GLEnum.Back);
        gl.PixelStore(GLEnum.PackAlignment, 1);
        fixed (byte* p = _readbackBuffer)
        {
            gl.ReadPixels(0, 0, (uint)width, (uint)EyeHeight, GLEnum.Rgba, GLEnum.UnsignedByte, p);
        }

        // Window rows come bottom-first: flip in place so the callback sees rows top-first like headless output.
        Span<byte> pixels = _readbackBuffer.AsSpan(0, size);
        for (int top = 0, bottom = EyeHeight - 1; top < bottom; top++, bottom--)
        {
            Span<byte> a = pixels.Slice(top * rowBytes, rowBytes);
            Span<byte> b = pixels.Slice(bottom * rowBytes, rowBytes);
            for (int k = 0; k < rowBytes; k++)
            {
                (a[k], b[k]) = (b[k], a[k]);
            }
        }

        _readback!(window, pixels, width, EyeHeight);
    }
}
