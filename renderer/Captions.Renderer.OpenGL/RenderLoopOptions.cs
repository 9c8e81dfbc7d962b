namespace Captions.Renderer.OpenGL;

/// <summary>How the render thread paces and measures its frames.</summary>
public sealed record RenderLoopOptions
{
    /// <summary>
    /// Minimum time between frame starts; null = unpaced (vsync'd swaps pace the loop). Headless outputs and windows
    /// without vsync should set it (e.g. 1/60 s) or they spin a core.
    /// </summary>
    public TimeSpan? FrameInterval { get; init; }

    /// <summary>Quads a frame can hold (<see cref="Drawing.DrawList"/> capacity).</summary>
    public int QuadCapacity { get; init; } = Drawing.DrawList.DefaultCapacity;

    /// <summary>
    /// Frames before <see cref="RenderLoop.SteadyStateAllocatedBytes"/> starts counting: JIT, first atlas upload and
    /// driver warm-up allocate; 30 frames (0.5 s at 60 Hz) is past all of them here.
    /// </summary>
    public int WarmupFrames { get; init; } = 30;
}
