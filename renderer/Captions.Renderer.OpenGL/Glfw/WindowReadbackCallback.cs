namespace Captions.Renderer.OpenGL.Glfw;

/// <summary>
/// A window's back buffer was read just before the swap: <paramref name="rgba"/> is width x height RGBA8, rows
/// top-first, valid only during the call. For smoke tests and screenshots; called on the render thread.
/// </summary>
public delegate void WindowReadbackCallback(int window, ReadOnlySpan<byte> rgba, int width, int height);
