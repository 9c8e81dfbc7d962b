namespace Captions.Renderer.OpenGL;

/// <summary>
/// No usable OpenGL here: a library is missing (libEGL.so.1, libglfw.so.3), EGL or GLFW failed to initialise, or
/// no display server answers. The message says what is missing and what to do instead; callers show it and fall
/// back (e.g. <c>--display png:DIR</c>) rather than crash.
/// </summary>
public sealed class GraphicsUnavailableException : Exception
{
    public GraphicsUnavailableException()
    {
    }

    public GraphicsUnavailableException(string message)
        : base(message)
    {
    }

    public GraphicsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
