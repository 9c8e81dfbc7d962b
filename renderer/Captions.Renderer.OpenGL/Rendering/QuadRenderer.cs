using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Captions.Renderer.Drawing;
using Captions.Renderer.Text;

namespace Captions.Renderer.OpenGL.Rendering;

/// <summary>
/// Draws a <see cref="RenderFrame"/>'s quads for one eye: the DrawQuad array is uploaded as-is into one pre-sized
/// dynamic instance buffer (32 bytes a quad, no per-frame allocation) and drawn with one instanced call per eye.
/// The glyph atlas lives in an R8 texture updated by dirty rectangle.
/// </summary>
/// <remarks>
/// Threading model: owned by the render thread; its context must be current for every call. One instance per GL
/// context (vertex arrays are not shared between contexts).
/// </remarks>
public sealed unsafe class QuadRenderer : IDisposable
{
    private const uint QuadStride = 32;

    private readonly GL _gl;

    private readonly uint _program;
    private readonly uint _vertexArray;
    private readonly uint _instanceBuffer;
    private readonly uint _atlasTexture;
    private readonly int _eyeSizeLocation;
    private readonly int _offsetLocation;
    private readonly int _flipYLocation;
    private readonly int _hasAtlasLocation;
    private int _bufferCapacity;
    private int _uploadedCount;
    private GlyphAtlas? _atlas;
    private bool _disposed;

    public QuadRenderer(GL gl, int initialCapacity = DrawList.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(gl);
        CheckLayout();
        _gl = gl;
        _program = ShaderProgram.Link(gl, QuadShaders.Vertex, QuadShaders.Fragment);
        _eyeSizeLocation = gl.GetUniformLocation(_program, "uEyeSize");
        _offsetLocation = gl.GetUniformLocation(_program, "uOffset");
        _flipYLocation = gl.GetUniformLocation(_program, "uFlipY");
        _hasAtlasLocation = gl.GetUniformLocation(_program, "uHasAtlas");
        gl.UseProgram(_program);
        gl.Uniform1(gl.GetUniformLocation(_program, "uAtlas"), 0);

        _vertexArray = gl.GenVertexArray();
        gl.BindVertexArray(_vertexArray);
        _instanceBuffer = gl.GenBuffer();
        gl.BindBuffer(GLEnum.ArrayBuffer, _instanceBuffer);
        _bufferCapacity = Math.Max(initialCapacity, 1);
        gl.BufferData(GLEnum.ArrayBuffer, (nuint)(_bufferCapacity * QuadStride), null, GLEnum.DynamicDraw);

        // DrawQuad: X Y Width Height (ints, 0), AtlasX AtlasY (ints, 16), Color (4 x u8, 24), Kind (u8, 28).
        gl.VertexAttribIPointer(0, 4, GLEnum.Int, QuadStride, (void*)0);
        gl.VertexAttribIPointer(1, 2, GLEnum.Int, QuadStride, (void*)16);
        gl.VertexAttribPointer(2, 4, GLEnum.UnsignedByte, true, QuadStride, (void*)24);
        gl.VertexAttribIPointer(3, 1, GLEnum.UnsignedByte, QuadStride, (void*)28);
        for (uint i = 0; i < 4; i++)
        {
            gl.EnableVertexAttribArray(i);
            gl.VertexAttribDivisor(i, 1);
        }

        _atlasTexture = gl.GenTexture();
        gl.ActiveTexture(GLEnum.Texture0);
        gl.BindTexture(GLEnum.Texture2D, _atlasTexture);
        gl.TexParameter(GLEnum.Texture2D, GLEnum.TextureMinFilter, (int)GLEnum.Nearest);
        gl.TexParameter(GLEnum.Texture2D, GLEnum.TextureMagFilter, (int)GLEnum.Nearest);
        gl.TexParameter(GLEnum.Texture2D, GLEnum.TextureWrapS, (int)GLEnum.ClampToEdge);
        gl.TexParameter(GLEnum.Texture2D, GLEnum.TextureWrapT, (int)GLEnum.ClampToEdge);
        gl.ThrowIfError("creating the quad renderer");
    }

    /// <summary>The API of the context this renderer's objects live in.</summary>
    public GL Gl => _gl;

    /// <summary>Texels uploaded since construction (atlas upload cost accounting for benchmarks).</summary>
    public long UploadedTexels { get; private set; }

    /// <summary>
    /// Brings the atlas texture up to date: a full upload the first time an atlas is seen (or when it is replaced),
    /// else only <paramref name="dirty"/> (the caller takes it from <see cref="GlyphAtlas.TakeDirty"/> once per frame
    /// and hands it to every context's renderer).
    /// </summary>
    public void SyncAtlas(GlyphAtlas atlas, AtlasRect dirty)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        _gl.ActiveTexture(GLEnum.Texture0);
        _gl.BindTexture(GLEnum.Texture2D, _atlasTexture);
        _gl.PixelStore(GLEnum.UnpackAlignment, 1);
        fixed (byte* pixels = atlas.Pixels)
        {
            if (!ReferenceEquals(atlas, _atlas))
            {
                _gl.PixelStore(GLEnum.UnpackRowLength, 0);
                _gl.PixelStore(GLEnum.UnpackSkipPixels, 0);
                _gl.PixelStore(GLEnum.UnpackSkipRows, 0);
                _gl.TexImage2D(GLEnum.Texture2D, 0, GLEnum.R8, atlas.Width, atlas.Height, 0, GLEnum.Red, GLEnum.UnsignedByte, pixels);
                _atlas = atlas;
                UploadedTexels += (long)atlas.Width * atlas.Height;
                return;
            }

            if (dirty.IsEmpty)
            {
                return;
            }

            // Rows of the CPU store are atlas.Width apart: upload the rectangle in place, no staging copy.
            _gl.PixelStore(GLEnum.UnpackRowLength, atlas.Width);
            _gl.PixelStore(GLEnum.UnpackSkipPixels, dirty.X);
            _gl.PixelStore(GLEnum.UnpackSkipRows, dirty.Y);
            _gl.TexSubImage2D(GLEnum.Texture2D, 0, dirty.X, dirty.Y, dirty.Width, dirty.Height, GLEnum.Red, GLEnum.UnsignedByte, pixels);
            _gl.PixelStore(GLEnum.UnpackRowLength, 0);
            _gl.PixelStore(GLEnum.UnpackSkipPixels, 0);
            _gl.PixelStore(GLEnum.UnpackSkipRows, 0);
            UploadedTexels += (long)dirty.Width * dirty.Height;
        }
    }

    /// <summary>Uploads the frame's quads into the instance buffer (once per frame, before the eyes are drawn).</summary>
    public void Upload(RenderFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ReadOnlySpan<DrawQuad> quads = frame.Quads.Quads;
        _gl.BindBuffer(GLEnum.ArrayBuffer, _instanceBuffer);
        if (quads.Length > _bufferCapacity)
        {
            // Only when a frame with a larger DrawList capacity arrives; steady state never grows.
            _bufferCapacity = frame.Quads.Capacity;
            _gl.BufferData(GLEnum.ArrayBuffer, (nuint)(_bufferCapacity * QuadStride), null, GLEnum.DynamicDraw);
        }

        fixed (DrawQuad* data = quads)
        {
            if (quads.Length > 0)
            {
                _gl.BufferSubData(GLEnum.ArrayBuffer, 0, (nuint)(quads.Length * QuadStride), data);
            }
        }

        _uploadedCount = quads.Length;
    }

    /// <summary>
    /// Draws the uploaded quads for one eye into the viewport at (<paramref name="viewportX"/>, <paramref name="viewportY"/>)
    /// of size eyeWidth x eyeHeight, shifted by <paramref name="offset"/>. Blend state is set here.
    /// </summary>
    /// <param name="topRowFirst">True for an offscreen framebuffer read back with glReadPixels (row 0 comes first), false for a window.</param>
    public void DrawEye(EyeOffset offset, int viewportX, int viewportY, int eyeWidth, int eyeHeight, bool hasAtlas, bool topRowFirst)
    {
        _gl.Viewport(viewportX, viewportY, eyeWidth, eyeHeight);
        if (_uploadedCount == 0)
        {
            return;
        }

        _gl.Enable(GLEnum.Blend);
        _gl.Enable(GLEnum.FramebufferSrgb);
        _gl.BlendFuncSeparate(GLEnum.SrcAlpha, GLEnum.OneMinusSrcAlpha, GLEnum.One, GLEnum.OneMinusSrcAlpha);
        _gl.UseProgram(_program);
        _gl.Uniform2(_eyeSizeLocation, (float)eyeWidth, eyeHeight);
        _gl.Uniform2(_offsetLocation, offset.X, offset.Y);
        _gl.Uniform1(_flipYLocation, topRowFirst ? 1f : -1f);
        _gl.Uniform1(_hasAtlasLocation, hasAtlas ? 1 : 0);
        _gl.ActiveTexture(GLEnum.Texture0);
        _gl.BindTexture(GLEnum.Texture2D, _atlasTexture);
        _gl.BindVertexArray(_vertexArray);
        _gl.DrawArraysInstanced(GLEnum.TriangleStrip, 0, 4, (uint)_uploadedCount);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _gl.DeleteTexture(_atlasTexture);
        _gl.DeleteBuffer(_instanceBuffer);
        _gl.DeleteVertexArray(_vertexArray);
        _gl.DeleteProgram(_program);
    }

    private static void CheckLayout()
    {
        // The instance buffer takes DrawQuad's memory as-is; the attribute offsets above depend on this layout.
        if (Unsafe.SizeOf<DrawQuad>() != QuadStride
            || Marshal.OffsetOf<DrawQuad>(nameof(DrawQuad.AtlasX)) != 16
            || Marshal.OffsetOf<DrawQuad>(nameof(DrawQuad.Color)) != 24
            || Marshal.OffsetOf<DrawQuad>(nameof(DrawQuad.Kind)) != 28)
        {
            throw new InvalidOperationException($"DrawQuad's layout changed ({Unsafe.SizeOf<DrawQuad>()} bytes): update QuadRenderer's vertex attributes");
        }
    }
}
