using Captions.Renderer.Drawing;

namespace Captions.Renderer.OpenGL;

/// <summary>
/// Where the render loop puts frames: windows (swap) or an offscreen framebuffer (read back).
/// Threading model: created, used and disposed on the render thread, which owns its GL context(s).
/// </summary>
public interface IFrameTarget : IDisposable
{
    int EyeWidth { get; }

    int EyeHeight { get; }

    /// <summary>True once the user closed a window: the render loop stops.</summary>
    bool IsClosed { get; }

    /// <summary>
    /// Uploads the atlas's dirty rectangle, draws the frame for every eye and presents it (swap, or read back).
    /// Must not allocate.
    /// </summary>
    void Present(RenderFrame frame);
}
