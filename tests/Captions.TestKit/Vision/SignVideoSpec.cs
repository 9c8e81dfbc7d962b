using System.Globalization;

namespace Captions.TestKit.Vision;

/// <summary>
/// A synthetic video: the rendered <see cref="Sign"/> (its whole canvas, as a board) overlaid on a background and
/// moved right by <see cref="PixelsPerFrame"/> every frame from (<see cref="StartX"/>, <see cref="Y"/>), so where it
/// is in every frame is exact. H.264 in MP4, yuv420p, constant frame rate.
/// </summary>
public sealed record SignVideoSpec
{
    public required string Name { get; init; }

    public required SignSpec Sign { get; init; }

    public int Width { get; init; } = 1280;

    public int Height { get; init; } = 720;

    public int FramesPerSecond { get; init; } = 15;

    public int FrameCount { get; init; } = 75;

    public VideoBackground Background { get; init; } = VideoBackground.TestPattern;

    /// <summary>Background colour for <see cref="VideoBackground.Plain"/> (0xRRGGBB).</summary>
    public uint BackgroundColour { get; init; } = 0x808080;

    public int StartX { get; init; } = 40;

    public int Y { get; init; } = 200;

    /// <summary>Whole pixels per frame, so every frame's position is an exact integer.</summary>
    public int PixelsPerFrame { get; init; } = 6;

    public TimeSpan Duration => TimeSpan.FromSeconds(FrameCount / (double)FramesPerSecond);

    /// <summary>A 5 s, 15 fps 1280x720 walk past <paramref name="sign"/> over testsrc2 clutter.</summary>
    public static SignVideoSpec Moving720p(SignSpec sign) => new() { Name = sign.Name + "-720p", Sign = sign };

    /// <summary>The same walk at 1920x1080 (positions scaled by 1.5).</summary>
    public static SignVideoSpec Moving1080p(SignSpec sign) => new()
    {
        Name = sign.Name + "-1080p", Sign = sign, Width = 1920, Height = 1080, StartX = 60, Y = 300, PixelsPerFrame = 9,
    };

    internal string Canonical() => string.Create(CultureInfo.InvariantCulture,
        $"video|{Sign.Canonical()}|{Width}x{Height}|{FramesPerSecond}|{FrameCount}|{Background}|{BackgroundColour:X6}|{StartX}|{Y}|{PixelsPerFrame}");

    internal void Validate()
    {
        var lastX = StartX + ((FrameCount - 1) * PixelsPerFrame);
        if (StartX < 0 || Y < 0 || lastX + Sign.Width > Width || Y + Sign.Height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(PixelsPerFrame),
                $"Video '{Name}': a {Sign.Width}x{Sign.Height} sign from x={StartX} to x={lastX} at y={Y} leaves the {Width}x{Height} frame.");
        }

        if (FramesPerSecond < 1 || FrameCount < 1 || Width % 2 != 0 || Height % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(FrameCount), $"Video '{Name}': needs fps >= 1, frames >= 1 and an even {Width}x{Height}.");
        }
    }
}
