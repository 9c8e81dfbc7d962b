using Captions.Vision.Imaging;

namespace Captions.Vision.Frames;

/// <summary>How <see cref="FrameSourceFactory"/> opens an input and how the sources behave.</summary>
public sealed record FrameSourceOptions
{
    /// <summary>Longer side of every frame, at most (photos decode reduced, video and camera are scaled by ffmpeg).</summary>
    public int MaxSide { get; init; } = ImageDecoder.DefaultMaxSide;

    /// <summary>Time between photos of a folder (zero: as fast as they decode). The first photo comes at once.</summary>
    public TimeSpan PhotoInterval { get; init; } = TimeSpan.Zero;

    /// <summary>Deliver video frames at the video's frame rate on the injected clock (false: as fast as ffmpeg decodes, for tests and benchmarks).</summary>
    public bool Paced { get; init; } = true;

    /// <summary>
    /// ffmpeg input arguments replacing <c>-f v4l2 [-video_size WxH] [-framerate R] -i DEVICE</c> for the camera
    /// (tests: <c>-re -f lavfi -i testsrc2=size=320x240:rate=30</c>).
    /// </summary>
    public IReadOnlyList<string>? CameraInputArguments { get; init; }

    /// <summary>Capture size asked of the v4l2 device (null: the device's default).</summary>
    public (int Width, int Height)? CameraSize { get; init; }

    /// <summary>Capture rate asked of the v4l2 device, frames a second (null: the device's default).</summary>
    public double? CameraRate { get; init; }

    /// <summary>Called (on the reading task) for each photo of a folder that cannot be decoded; the folder goes on.</summary>
    public Action<ImageDecodeException>? PhotoSkipped { get; init; }

    public string FfmpegPath { get; init; } = "ffmpeg";

    public string FfprobePath { get; init; } = "ffprobe";
}
