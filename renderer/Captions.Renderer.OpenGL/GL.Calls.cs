namespace Captions.Renderer.OpenGL;

/// <summary>The entry points: one field and one thin method each (GL booleans are bytes, sizes are GLsizei = int).</summary>
public sealed unsafe partial class GL
{
    private readonly delegate* unmanaged<float, float, float, float, void> _clearColor;
    private readonly delegate* unmanaged<uint, void> _clear;
    private readonly delegate* unmanaged<int, int, int, int, void> _viewport;
    private readonly delegate* unmanaged<int, int, int, int, void> _scissor;
    private readonly delegate* unmanaged<uint, void> _enable;
    private readonly delegate* unmanaged<uint, void> _disable;
    private readonly delegate* unmanaged<uint, uint, void> _blendFunc;
    private readonly delegate* unmanaged<uint, uint, uint, uint, void> _blendFuncSeparate;
    private readonly delegate* unmanaged<uint> _getError;
    private readonly delegate* unmanaged<uint, byte*> _getString;
    private readonly delegate* unmanaged<uint, int*, void> _getIntegerv;
    private readonly delegate* unmanaged<void> _finish;
    private readonly delegate* unmanaged<void> _flush;
    private readonly delegate* unmanaged<uint, int, void> _pixelStorei;
    private readonly delegate* unmanaged<int, uint*, void> _genTextures;
    private readonly delegate* unmanaged<int, uint*, void> _deleteTextures;
    private readonly delegate* unmanaged<uint, uint, void> _bindTexture;
    private readonly delegate* unmanaged<uint, void> _activeTexture;
    private readonly delegate* unmanaged<uint, uint, int, void> _texParameteri;
    private readonly delegate* unmanaged<uint, int, int, int, int, int, uint, uint, void*, void> _texImage2D;
    private readonly delegate* unmanaged<uint, int, int, int, int, int, uint, uint, void*, void> _texSubImage2D;
    private readonly delegate* unmanaged<uint, uint> _createShader;
    private readonly delegate* unmanaged<uint, int, byte**, int*, void> _shaderSource;
    private readonly delegate* unmanaged<uint, void> _compileShader;
    private readonly delegate* unmanaged<uint, uint, int*, void> _getShaderiv;
    private readonly delegate* unmanaged<uint, int, int*, byte*, void> _getShaderInfoLog;
    private readonly delegate* unmanaged<uint, void> _deleteShader;
    private readonly delegate* unmanaged<uint> _createProgram;
    private readonly delegate* unmanaged<uint, uint, void> _attachShader;
    private readonly delegate* unmanaged<uint, void> _linkProgram;
    private readonly delegate* unmanaged<uint, uint, int*, void> _getProgramiv;
    private readonly delegate* unmanaged<uint, int, int*, byte*, void> _getProgramInfoLog;
    private readonly delegate* unmanaged<uint, void> _useProgram;
    private readonly delegate* unmanaged<uint, void> _deleteProgram;
    private readonly delegate* unmanaged<uint, byte*, int> _getUniformLocation;
    private readonly delegate* unmanaged<int, int, void> _uniform1i;
    private readonly delegate* unmanaged<int, float, void> _uniform1f;
    private readonly delegate* unmanaged<int, int, int, void> _uniform2i;
    private readonly delegate* unmanaged<int, float, float, void> _uniform2f;
    private readonly delegate* unmanaged<int, uint*, void> _genVertexArrays;
    private readonly delegate* unmanaged<uint, void> _bindVertexArray;
    private readonly delegate* unmanaged<int, uint*, void> _deleteVertexArrays;
    private readonly delegate* unmanaged<int, uint*, void> _genBuffers;
    private readonly delegate* unmanaged<uint, uint, void> _bindBuffer;
    private readonly delegate* unmanaged<uint, nint, void*, uint, void> _bufferData;
    private readonly delegate* unmanaged<uint, nint, nint, void*, void> _bufferSubData;
    private readonly delegate* unmanaged<int, uint*, void> _deleteBuffers;
    private readonly delegate* unmanaged<uint, int, uint, byte, int, void*, void> _vertexAttribPointer;
    private readonly delegate* unmanaged<uint, int, uint, int, void*, void> _vertexAttribIPointer;
    private readonly delegate* unmanaged<uint, void> _enableVertexAttribArray;
    private readonly delegate* unmanaged<uint, uint, void> _vertexAttribDivisor;
    private readonly delegate* unmanaged<uint, int, int, void> _drawArrays;
    private readonly delegate* unmanaged<uint, int, int, int, void> _drawArraysInstanced;
    private readonly delegate* unmanaged<uint, int, uint, void*, void> _drawElements;
    private readonly delegate* unmanaged<int, uint*, void> _genFramebuffers;
    private readonly delegate* unmanaged<uint, uint, void> _bindFramebuffer;
    private readonly delegate* unmanaged<uint, uint, uint, uint, int, void> _framebufferTexture2D;
    private readonly delegate* unmanaged<uint, uint> _checkFramebufferStatus;
    private readonly delegate* unmanaged<int, uint*, void> _deleteFramebuffers;
    private readonly delegate* unmanaged<uint, uint, uint, int*, void> _getFramebufferAttachmentParameteriv;
    private readonly delegate* unmanaged<int, int, int, int, uint, uint, void*, void> _readPixels;
    private readonly delegate* unmanaged<uint, void> _readBuffer;

    public void ClearColor(float red, float green, float blue, float alpha) => _clearColor(red, green, blue, alpha);

    public void Clear(ClearBufferMask mask) => _clear((uint)mask);

    public void Viewport(int x, int y, int width, int height) => _viewport(x, y, width, height);

    public void Scissor(int x, int y, int width, int height) => _scissor(x, y, width, height);

    public void Enable(GLEnum cap) => _enable((uint)cap);

    public void Disable(GLEnum cap) => _disable((uint)cap);

    public void BlendFunc(GLEnum sfactor, GLEnum dfactor) => _blendFunc((uint)sfactor, (uint)dfactor);

    public void BlendFuncSeparate(GLEnum srcRgb, GLEnum dstRgb, GLEnum srcAlpha, GLEnum dstAlpha) =>
        _blendFuncSeparate((uint)srcRgb, (uint)dstRgb, (uint)srcAlpha, (uint)dstAlpha);

    public GLEnum GetError() => (GLEnum)_getError();

    public byte* GetString(GLEnum name) => _getString((uint)name);

    public int GetInteger(GLEnum name)
    {
        int value;
        _getIntegerv((uint)name, &value);
        return value;
    }

    public void Finish() => _finish();

    public void Flush() => _flush();

    public void PixelStore(GLEnum name, int value) => _pixelStorei((uint)name, value);

    public uint GenTexture()
    {
        uint name;
        _genTextures(1, &name);
        return name;
    }

    public void DeleteTexture(uint texture) => _deleteTextures(1, &texture);

    public void BindTexture(GLEnum target, uint texture) => _bindTexture((uint)target, texture);

    public void ActiveTexture(GLEnum texture) => _activeTexture((uint)texture);

    public void TexParameter(GLEnum target, GLEnum name, int value) => _texParameteri((uint)target, (uint)name, value);

    public void TexImage2D(GLEnum target, int level, GLEnum internalFormat, int width, int height, int border, GLEnum format, GLEnum type, void* pixels) =>
        _texImage2D((uint)target, level, (int)internalFormat, width, height, border, (uint)format, (uint)type, pixels);

    public void TexSubImage2D(GLEnum target, int level, int xoffset, int yoffset, int width, int height, GLEnum format, GLEnum type, void* pixels) =>
        _texSubImage2D((uint)target, level, xoffset, yoffset, width, height, (uint)format, (uint)type, pixels);

    public uint CreateShader(GLEnum type) => _createShader((uint)type);

    public void CompileShader(uint shader) => _compileShader(shader);

    public int GetShader(uint shader, GLEnum name)
    {
        int value;
        _getShaderiv(shader, (uint)name, &value);
        return value;
    }

    public void DeleteShader(uint shader) => _deleteShader(shader);

    public uint CreateProgram() => _createProgram();

    public void AttachShader(uint program, uint shader) => _attachShader(program, shader);

    public void LinkProgram(uint program) => _linkProgram(program);

    public int GetProgram(uint program, GLEnum name)
    {
        int value;
        _getProgramiv(program, (uint)name, &value);
        return value;
    }

    public void UseProgram(uint program) => _useProgram(program);

    public void DeleteProgram(uint program) => _deleteProgram(program);

    public void Uniform1(int location, int value) => _uniform1i(location, value);

    public void Uniform1(int location, float value) => _uniform1f(location, value);

    public void Uniform2(int location, int x, int y) => _uniform2i(location, x, y);

    public void Uniform2(int location, float x, float y) => _uniform2f(location, x, y);

    public uint GenVertexArray()
    {
        uint name;
        _genVertexArrays(1, &name);
        return name;
    }

    public void BindVertexArray(uint array) => _bindVertexArray(array);

    public void DeleteVertexArray(uint array) => _deleteVertexArrays(1, &array);

    public uint GenBuffer()
    {
        uint name;
        _genBuffers(1, &name);
        return name;
    }

    public void BindBuffer(GLEnum target, uint buffer) => _bindBuffer((uint)target, buffer);

    public void BufferData(GLEnum target, nuint size, void* data, GLEnum usage) => _bufferData((uint)target, (nint)size, data, (uint)usage);

    public void BufferSubData(GLEnum target, nint offset, nuint size, void* data) => _bufferSubData((uint)target, offset, (nint)size, data);

    public void DeleteBuffer(uint buffer) => _deleteBuffers(1, &buffer);

    public void VertexAttribPointer(uint index, int size, GLEnum type, bool normalized, uint stride, void* pointer) =>
        _vertexAttribPointer(index, size, (uint)type, normalized ? (byte)1 : (byte)0, (int)stride, pointer);

    public void VertexAttribIPointer(uint index, int size, GLEnum type, uint stride, void* pointer) =>
        _vertexAttribIPointer(index, size, (uint)type, (int)stride, pointer);

    public void EnableVertexAttribArray(uint index) => _enableVertexAttribArray(index);

    public void VertexAttribDivisor(uint index, uint divisor) => _vertexAttribDivisor(index, divisor);

    public void DrawArrays(GLEnum mode, int first, uint count) => _drawArrays((uint)mode, first, (int)count);

    public void DrawArraysInstanced(GLEnum mode, int first, uint count, uint instanceCount) =>
        _drawArraysInstanced((uint)mode, first, (int)count, (int)instanceCount);

    public void DrawElements(GLEnum mode, uint count, GLEnum type, void* indices) => _drawElements((uint)mode, (int)count, (uint)type, indices);

    public uint GenFramebuffer()
    {
        uint name;
        _genFramebuffers(1, &name);
        return name;
    }

    public void BindFramebuffer(GLEnum target, uint framebuffer) => _bindFramebuffer((uint)target, framebuffer);

    public void FramebufferTexture2D(GLEnum target, GLEnum attachment, GLEnum textureTarget, uint texture, int level) =>
        _framebufferTexture2D((uint)target, (uint)attachment, (uint)textureTarget, texture, level);

    public GLEnum CheckFramebufferStatus(GLEnum target) => (GLEnum)_checkFramebufferStatus((uint)target);

    public void DeleteFramebuffer(uint framebuffer) => _deleteFramebuffers(1, &framebuffer);

    public int GetFramebufferAttachmentParameter(GLEnum target, GLEnum attachment, GLEnum name)
    {
        int value;
        _getFramebufferAttachmentParameteriv((uint)target, (uint)attachment, (uint)name, &value);
        return value;
    }

    public void ReadPixels(int x, int y, uint width, uint height, GLEnum format, GLEnum type, void* pixels) =>
        _readPixels(x, y, (int)width, (int)height, (uint)format, (uint)type, pixels);

    public void ReadBuffer(GLEnum mode) => _readBuffer((uint)mode);
}
