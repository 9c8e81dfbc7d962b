using Captions.Renderer.Drawing;
using Captions.Renderer.Text;
using Captions.Renderer.OpenGL.Egl;
using Captions.Renderer.OpenGL.Rendering;

namespace Captions.Renderer.OpenGL;

/// <summary>
/// Headless output: an EGL surfaceless context and one framebuffer with both eyes side by side (left eye in the left
/// half), SRGB8_ALPHA8 so blending happens in linear light and stores sRGB. Reads back RGBA8, rows top-first, in the
/// same layout as <see cref="CpuReferenceRenderer"/>. For PNG output, recording, tests and benchmarks.
/// </summary>
/// <remarks>
/// Threading model: the context is current on the creating thread; create, use and dispose on one thread (the
/// render thread when driven by <see cref="RenderLoop"/>).
/// </remarks>
public sealed unsafe class HeadlessRenderer : IFrameTarget
{
    private readonly EglHeadlessContext _context;
    private readonly QuadRenderer _quads;
    private readonly uint _framebuffer;
    private readonly uint _colorTexture;
    private byte[]? _readback;
    private bool _disposed;

    /// <summary>False until the whole framebuffer has been cleared once; after that only damage is cleared.</summary>
    private bool _cleared;

    /// <summary>Framebuffer rectangles the previous frame drew into, one per eye (empty: nothing drawn).</summary>
    private AtlasRect _damageLeft;
    private AtlasRect _damageRight;

    private HeadlessRenderer(EglHeadlessContext context, int eyeWidth, int eyeHeight)
    {
        _context = context;
        EyeWidth = eyeWidth;
        EyeHeight = eyeHeight;
        GL gl = context.Gl;
        _colorTexture = gl.GenTexture();
        gl.BindTexture(GLEnum.Texture2D, _colorTexture);
        gl.TexParameter(GLEnum.Texture2D, GLEnum.TextureMinFilter, (int)GLEnum.Nearest);
        gl.TexParameter(GLEnum.Texture2D, GLEnum.TextureMagFilter, (int)GLEnum.Nearest);
        gl.TexImage2D(GLEnum.Texture2D, 0, GLEnum.Srgb8Alpha8, Width, Height, 0, GLEnum.Rgba, GLEnum.UnsignedByte, null);
        _framebuffer = gl.GenFramebuffer();
        gl.BindFramebuffer(GLEnum.Framebuffer, _framebuffer);
        gl.FramebufferTexture2D(GLEnum.Framebuffer, GLEnum.ColorAttachment0, GLEnum.Texture2D, _colorTexture, 0);
        GLEnum status = gl.CheckFramebufferStatus(GLEnum.Framebuffer);
        if (status != GLEnum.FramebufferComplete)
        {
            throw new GLException($"the {Width}x{Height} SRGB8_ALPHA8 framebuffer is incomplete: {status} (0x{(uint)status:X4})");
        }

        gl.ThrowIfError($"creating the {Width}x{Height} framebuffer");
        _quads = new QuadRenderer(gl);
    }

    public int EyeWidth { get; }

    public int EyeHeight { get; }

    /// <summary>Both eyes side by side: 2 x <see cref="EyeWidth"/>.</summary>
    public int Width => 2 * EyeWidth;

    public int Height => EyeHeight;

    public bool IsClosed => false;

    public GL Gl => _context.Gl;

    /// <summary>GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".</summary>
    public string RendererName => _context.Renderer;

    public QuadRenderer Quads => _quads;

    /// <summary>Called by <see cref="Present"/> with the read-back pixels (e.g. to write PNGs); null: read back only.</summary>
    public FrameReadyCallback? FrameReady { get; set; }

    /// <summary>Creates the context (current on the calling thread) and a framebuffer for two eyes of the given size.</summary>
    /// <exception cref="GraphicsUnavailableException">No headless OpenGL here (see the message for what is missing).</exception>
    public static HeadlessRenderer Create(int eyeWidth, int eyeHeight)
    {
        // 8192 = the smallest GL_MAX_TEXTURE_SIZE llvmpipe and desktop GPUs share; 2 x 4096 eyes is past any micro-OLED.
        ArgumentOutOfRangeException.ThrowIfLessThan(eyeWidth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eyeWidth, 4096);
        ArgumentOutOfRangeException.ThrowIfLessThan(eyeHeight, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eyeHeight, 8192);
        var context = EglHeadlessContext.Create();
        try
        {
            return new HeadlessRenderer(context, eyeWidth, eyeHeight);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Draws both eyes of <paramref name="frame"/> (atlas dirty rectangle first) without waiting for the GPU.
    /// The frame's eye size must match this renderer's.
    /// </summary>
    public void Draw(RenderFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (frame.EyeWidth != EyeWidth || frame.EyeHeight != EyeHeight)
        {
            throw new ArgumentException($"frame eyes are {frame.EyeWidth}x{frame.EyeHeight}, the renderer's {EyeWidth}x{EyeHeight}", nameof(frame));
        }

        GL gl = _context.Gl;
        if (frame.Atlas is { } atlas)
        {
            _quads.SyncAtlas(atlas, atlas.TakeDirty());
        }

        gl.BindFramebuffer(GLEnum.Framebuffer, _framebuffer);
        gl.Viewport(0, 0, Width, Height);
        gl.ClearColor(0f, 0f, 0f, 1f);
        ClearDamage(gl);
        var bounds = Bounds(frame.Quads.Quads);
        _damageLeft = Place(bounds, frame.Left, 0);
        _damageRight = Place(bounds, frame.Right, EyeWidth);
        _quads.Upload(frame);
        bool hasAtlas = frame.Atlas is not null;
        _quads.DrawEye(frame.Left, 0, 0, EyeWidth, EyeHeight, hasAtlas, topRowFirst: true);
        _quads.DrawEye(frame.Right, EyeWidth, 0, EyeWidth, EyeHeight, hasAtlas, topRowFirst: true);
    }

    /// <summary>
    /// Clears only what the previous frame drew (the framebuffer is ours and keeps its pixels), or everything the
    /// first time. Caption frames are mostly black, and on llvmpipe a full clear of 2x1920x1080 costs 8.9 ms of CPU
    /// against about 1 ms for the caption box; a GPU would not notice either.
    /// </summary>
    private void ClearDamage(GL gl)
    {
        if (!_cleared)
        {
            gl.Disable(GLEnum.ScissorTest);
            gl.Clear(ClearBufferMask.ColorBufferBit);
            _cleared = true;
            return;
        }

        gl.Enable(GLEnum.ScissorTest);
        foreach (var damage in (ReadOnlySpan<AtlasRect>)[_damageLeft, _damageRight])
        {
            if (!damage.IsEmpty)
            {
                gl.Scissor(damage.X, damage.Y, damage.Width, damage.Height);
                gl.Clear(ClearBufferMask.ColorBufferBit);
            }
        }

        gl.Disable(GLEnum.ScissorTest);
    }

    /// <summary>The plane rectangle covered by the quads (empty when there are none).</summary>
    private static AtlasRect Bounds(ReadOnlySpan<DrawQuad> quads)
    {
        if (quads.IsEmpty)
        {
            return default;
        }

        int left = int.MaxValue, top = int.MaxValue, right = int.MinValue, bottom = int.MinValue;
        foreach (ref readonly var quad in quads)
        {
            left = Math.Min(left, quad.X);
            top = Math.Min(top, quad.Y);
            right = Math.Max(right, quad.X + quad.Width);
            bottom = Math.Max(bottom, quad.Y + quad.Height);
        }

        return new AtlasRect(left, top, right - left, bottom - top);
    }

    /// <summary>
    /// Where plane rectangle <paramref name="bounds"/> lands in the framebuffer for the eye whose viewport starts at
    /// <paramref name="eyeX"/>, clipped to that eye (the viewport clips drawing the same way). Headless rows are
    /// stored top-first from framebuffer row 0, so plane y is framebuffer y.
    /// </summary>
    private AtlasRect Place(AtlasRect bounds, EyeOffset offset, int eyeX)
    {
        if (bounds.IsEmpty)
        {
            return default;
        }

        var x0 = Math.Clamp(bounds.X + offset.X, 0, EyeWidth);
        var x1 = Math.Clamp(bounds.X + bounds.Width + offset.X, 0, EyeWidth);
        var y0 = Math.Clamp(bounds.Y + offset.Y, 0, EyeHeight);
        var y1 = Math.Clamp(bounds.Y + bounds.Height + offset.Y, 0, EyeHeight);
        return new AtlasRect(eyeX + x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>Waits until the GPU finished every queued command (benchmarks: draw cost without readback).</summary>
    public void Finish() => _context.Gl.Finish();

    /// <summary>Reads the framebuffer into <paramref name="rgba"/> (Width x Height x 4 bytes, rows top-first).</summary>
    public void ReadPixels(Span<byte> rgba)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int size = Width * Height * 4;
        if (rgba.Length < size)
        {
            throw new ArgumentException($"the buffer holds {rgba.Length} bytes, a {Width}x{Height} RGBA frame needs {size}", nameof(rgba));
        }

        GL gl = _context.Gl;
        gl.BindFramebuffer(GLEnum.ReadFramebuffer, _framebuffer);
        gl.ReadBuffer(GLEnum.ColorAttachment0);
        gl.PixelStore(GLEnum.PackAlignment, 1);
        fixed (byte* p = rgba)
        {
            gl.ReadPixels(0, 0, (uint)Width, (uint)Height, GLEnum.Rgba, GLEnum.UnsignedByte, p);
        }
    }

    /// <summary>Draws <paramref name="frame"/> and reads it back into <paramref name="rgba"/>.</summary>
    public void Render(RenderFrame frame, Span<byte> rgba)
    {
        Draw(frame);
        ReadPixels(rgba);
    }

    /// <summary>Draws and reads back into an internal buffer, then hands it to <see cref="FrameReady"/>.</summary>
    public void Present(RenderFrame frame)
    {
        Draw(frame);
        _readback ??= new byte[Width * Height * 4];
        ReadPixels(_readback);
        FrameReady?.Invoke(_readback, Width, Height);
    }

    /// <summary>Makes the context current on the calling thread (after <see cref="ReleaseCurrent"/> elsewhere).</summary>
    public void MakeCurrent() => _context.MakeCurrent();

    public void ReleaseCurrent() => _context.ReleaseCurrent();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _quads.Dispose();
        _context.Gl.DeleteFramebuffer(_framebuffer);
        _context.Gl.DeleteTexture(_colorTexture);
        _context.Dispose();
    }
}
