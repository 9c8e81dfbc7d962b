using Captions.Cli.Display;

namespace Captions.Cli.Look;

/// <summary>What `captions look` was asked to do: the input (photo, folder, video, camera) and the outputs.</summary>
/// <param name="Input">A photo, a folder of photos, a video file, or camera[:/dev/videoN].</param>
/// <param name="Events">JSON-lines sign events file, or null.</param>
/// <param name="Terminal">Print overlays as they appear, change and leave.</param>
internal sealed record LookRequest(string Input, string? Events, bool Terminal)
{
    public DisplayTarget Display { get; init; } = DisplayTarget.None;

    /// <summary>Camera input arguments for ffmpeg instead of `-f v4l2 -i DEVICE` (tests use lavfi).</summary>
    public IReadOnlyList<string>? CameraInputArguments { get; init; }

    /// <summary>Play a video as fast as it decodes instead of at its frame rate.</summary>
    public bool Fast { get; init; }
}
