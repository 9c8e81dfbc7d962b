using System.Runtime.InteropServices;
using System.Text;

namespace Captions.Renderer.OpenGL;

/// <summary>
/// A small OpenGL 3.3 core loader: the entry points this renderer uses, as unmanaged function pointers filled once from
/// a get-proc-address function (eglGetProcAddress, glfwGetProcAddress). Shaped like Silk.NET.OpenGL's <c>GL</c>
/// (<see cref="GetApi"/>, method names without the gl prefix) so switching to Silk.NET later is mechanical; the NuGet
/// copy here has no Silk.NET.
/// </summary>
/// <remarks>
/// Threading model: a GL instance belongs to the context that was current when it was loaded; call it only on the
/// thread where that context is current (the render thread). The methods are thin and allocation-free except the
/// string helpers (shader source, info logs, GetString), which run at start-up only.
/// </remarks>
public sealed unsafe partial class GL
{
    private GL(Func<string, nint> getProcAddress)
    {
        nint Load(string name)
        {
            nint address = getProcAddress(name);
            return address != 0
                ? address
                : throw new GraphicsUnavailableException($"the OpenGL driver has no entry point '{name}': OpenGL 3.3 core is required (Mesa's libgl1-mesa-dri provides it; run ./scripts/bootstrap.sh)");
        }

        _clearColor = (delegate* unmanaged<float, float, float, float, void>)Load("glClearColor");
        _clear = (delegate* unmanaged<uint, void>)Load("glClear");
        _viewport = (delegate* unmanaged<int, int, int, int, void>)Load("glViewport");
        _scissor = (delegate* unmanaged<int, int, int, int, void>)Load("glScissor");
        _enable = (delegate* unmanaged<uint, void>)Load("glEnable");
        _disable = (delegate* unmanaged<uint, void>)Load("glDisable");
        _blendFunc = (delegate* unmanaged<uint, uint, void>)Load("glBlendFunc");
        _blendFuncSeparate = (delegate* unmanaged<uint, uint, uint, uint, void>)Load("glBlendFuncSeparate");
        _getError = (delegate* unmanaged<uint>)Load("glGetError");
        _getString = (delegate* unmanaged<uint, byte*>)Load("glGetString");
        _getIntegerv = (delegate* unmanaged<uint, int*, void>)Load("glGetIntegerv");
        _finish = (delegate* unmanaged<void>)Load("glFinish");
        _flush = (delegate* unmanaged<void>)Load("glFlush");
        _pixelStorei = (delegate* unmanaged<uint, int, void>)Load("glPixelStorei");
        _genTextures = (delegate* unmanaged<int, uint*, void>)Load("glGenTextures");
        _deleteTextures = (delegate* unmanaged<int, uint*, void>)Load("glDeleteTextures");
        _bindTexture = (delegate* unmanaged<uint, uint, void>)Load("glBindTexture");
        _activeTexture = (delegate* unmanaged<uint, void>)Load("glActiveTexture");
        _texParameteri = (delegate* unmanaged<uint, uint, int, void>)Load("glTexParameteri");
        _texImage2D = (delegate* unmanaged<uint, int, int, int, int, int, uint, uint, void*, void>)Load("glTexImage2D");
        _texSubImage2D = (delegate* unmanaged<uint, int, int, int, int, int, uint, uint, void*, void>)Load("glTexSubImage2D");
        _createShader = (delegate* unmanaged<uint, uint>)Load("glCreateShader");
        _shaderSource = (delegate* unmanaged<uint, int, byte**, int*, void>)Load("glShaderSource");
        _compileShader = (delegate* unmanaged<uint, void>)Load("glCompileShader");
        _getShaderiv = (delegate* unmanaged<uint, uint, int*, void>)Load("glGetShaderiv");
        _getShaderInfoLog = (delegate* unmanaged<uint, int, int*, byte*, void>)Load("glGetShaderInfoLog");
        _deleteShader = (delegate* unmanaged<uint, void>)Load("glDeleteShader");
        _createProgram = (delegate* unmanaged<uint>)Load("glCreateProgram");
        _attachShader = (delegate* unmanaged<uint, uint, void>)Load("glAttachShader");
        _linkProgram = (delegate* unmanaged<uint, void>)Load("glLinkProgram");
        _getProgramiv = (delegate* unmanaged<uint, uint, int*, void>)Load("glGetProgramiv");
        _getProgramInfoLog = (delegate* unmanaged<uint, int, int*, byte*, void>)Load("glGetProgramInfoLog");
        _useProgram = (delegate* unmanaged<uint, void>)Load("glUseProgram");
        _deleteProgram = (delegate* unmanaged<uint, void>)Load("glDeleteProgram");
        _getUniformLocation = (delegate* unmanaged<uint, byte*, int>)Load("glGetUniformLocation");
        _uniform1i = (delegate* unmanaged<int, int, void>)Load("glUniform1i");
        _uniform1f = (delegate* unmanaged<int, float, void>)Load("glUniform1f");
        _uniform2i = (delegate* unmanaged<int, int, int, void>)Load("glUniform2i");
        _uniform2f = (delegate* unmanaged<int, float, float, void>)Load("glUniform2f");
        _genVertexArrays = (delegate* unmanaged<int, uint*, void>)Load("glGenVertexArrays");
        _bindVertexArray = (delegate* unmanaged<uint, void>)Load("glBindVertexArray");
        _deleteVertexArrays = (delegate* unmanaged<int, uint*, void>)Load("glDeleteVertexArrays");
        _genBuffers = (delegate* unmanaged<int, uint*, void>)Load("glGenBuffers");
        _bindBuffer = (delegate* unmanaged<uint, uint, void>)Load("glBindBuffer");
        _bufferData = (delegate* unmanaged<uint, nint, void*, uint, void>)Load("glBufferData");
        _bufferSubData = (delegate* unmanaged<uint, nint, nint, void*, void>)Load("glBufferSubData");
        _deleteBuffers = (delegate* unmanaged<int, uint*, void>)Load("glDeleteBuffers");
        _vertexAttribPointer = (delegate* unmanaged<uint, int, uint, byte, int, void*, void>)Load("glVertexAttribPointer");
        _vertexAttribIPointer = (delegate* unmanaged<uint, int, uint, int, void*, void>)Load("glVertexAttribIPointer");
        _enableVertexAttribArray = (delegate* unmanaged<uint, void>)Load("glEnableVertexAttribArray");
        _vertexAttribDivisor = (delegate* unmanaged<uint, uint, void>)Load("glVertexAttribDivisor");
        _drawArrays = (delegate* unmanaged<uint, int, int, void>)Load("glDrawArrays");
        _drawArraysInstanced = (delegate* unmanaged<uint, int, int, int, void>)Load("glDrawArraysInstanced");
        _drawElements = (delegate* unmanaged<uint, int, uint, void*, void>)Load("glDrawElements");
        _genFramebuffers = (delegate* unmanaged<int, uint*, void>)Load("glGenFramebuffers");
        _bindFramebuffer = (delegate* unmanaged<uint, uint, void>)Load("glBindFramebuffer");
        _framebufferTexture2D = (delegate* unmanaged<uint, uint, uint, uint, int, void>)Load("glFramebufferTexture2D");
        _checkFramebufferStatus = (delegate* unmanaged<uint, uint>)Load("glCheckFramebufferStatus");
        _deleteFramebuffers = (delegate* unmanaged<int, uint*, void>)Load("glDeleteFramebuffers");
        _getFramebufferAttachmentParameteriv = (delegate* unmanaged<uint, uint, uint, int*, void>)Load("glGetFramebufferAttachmentParameteriv");
        _readPixels = (delegate* unmanaged<int, int, int, int, uint, uint, void*, void>)Load("glReadPixels");
        _readBuffer = (delegate* unmanaged<uint, void>)Load("glReadBuffer");
    }

    /// <summary>Loads every entry point through <paramref name="getProcAddress"/>; the context must be current.</summary>
    /// <exception cref="GraphicsUnavailableException">The driver lacks an OpenGL 3.3 entry point.</exception>
    public static GL GetApi(Func<string, nint> getProcAddress)
    {
        ArgumentNullException.ThrowIfNull(getProcAddress);
        return new GL(getProcAddress);
    }

    /// <summary>glGetString as a managed string ("" when the driver returns null). Start-up use only: it allocates.</summary>
    public string GetStringS(GLEnum name) => Marshal.PtrToStringUTF8((nint)GetString(name)) ?? string.Empty;

    /// <summary>Throws <see cref="GLException"/> naming <paramref name="operation"/> when glGetError reports an error.</summary>
    public void ThrowIfError(string operation)
    {
        var error = GetError();
        if (error != GLEnum.NoError)
        {
            throw new GLException($"OpenGL error {error} (0x{(uint)error:X4}) after {operation}");
        }
    }

    /// <summary>glShaderSource with one UTF-8 string.</summary>
    public void ShaderSource(uint shader, string source)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(source);
        fixed (byte* p = utf8)
        {
            byte* strings = p;
            int length = utf8.Length;
            _shaderSource(shader, 1, &strings, &length);
        }
    }

    public string GetShaderInfoLog(uint shader)
    {
        int length;
        _getShaderiv(shader, (uint)GLEnum.InfoLogLength, &length);
        return ReadLog(length, (n, written, buffer) => _getShaderInfoLog(shader, n, written, buffer));
    }

    public string GetProgramInfoLog(uint program)
    {
        int length;
        _getProgramiv(program, (uint)GLEnum.InfoLogLength, &length);
        return ReadLog(length, (n, written, buffer) => _getProgramInfoLog(program, n, written, buffer));
    }

    public int GetUniformLocation(uint program, string name)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* p = utf8)
        {
            return _getUniformLocation(program, p);
        }
    }

    private delegate void LogReader(int capacity, int* written, byte* buffer);

    private static string ReadLog(int length, LogReader read)
    {
        if (length <= 1)
        {
            return string.Empty;
        }

        byte[] buffer = new byte[length];
        int written;
        fixed (byte* p = buffer)
        {
            read(length, &written, p);
        }

        return Encoding.UTF8.GetString(buffer, 0, Math.Clamp(written, 0, length)).TrimEnd();
    }
}
