namespace Captions.Renderer.Drawing;

/// <summary>
/// Builds each frame's content on the render thread: takes the newest caption scene (never waiting for the pipeline),
/// lays it out and fills the frame. The GL renderer and the CPU reference renderer both draw what it produces.
/// Threading model: every member is called on the render thread only.
/// </summary>
public interface IFrameComposer
{
    /// <summary>
    /// Fills <paramref name="frame"/> (already cleared) for the frame drawn at <paramref name="timestamp"/>
    /// (TimeProvider ticks). Returns true when the content differs from the previous frame. Must not block or
    /// allocate in steady state.
    /// </summary>
    bool Compose(long timestamp, RenderFrame frame);

    /// <summary>The frame last composed reached the display (swap returned, or pixels read back) at <paramref name="timestamp"/>.</summary>
    void OnPresented(long timestamp);
}
