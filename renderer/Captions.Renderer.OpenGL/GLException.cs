namespace Captions.Renderer.OpenGL;

/// <summary>A GL call failed: a shader did not compile or link, a framebuffer is incomplete, or glGetError reported an error.</summary>
public sealed class GLException : Exception
{
    public GLException()
    {
    }

    public GLException(string message)
        : base(message)
    {
    }

    public GLException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
