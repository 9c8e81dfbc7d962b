namespace Captions.Renderer.OpenGL;

/// <summary>
/// A headless frame was read back: <paramref name="rgba"/> is width x height RGBA8, rows top-first, valid only
/// during the call (the buffer is reused for the next frame). Called on the render thread.
/// </summary>
public delegate void FrameReadyCallback(ReadOnlySpan<byte> rgba, int width, int height);
