using System.Globalization;
using System.Numerics;
using Captions.Vision.Geometry;
using Captions.Vision.Imaging;

namespace Captions.TestKit.Vision;

/// <summary>
/// A written synthetic video: the MP4, its spec, the rendered sign it carries, and where the sign board and each of
/// its lines are in any frame (exact: whole-pixel steps; H.264 softens edges by a pixel).
/// </summary>
public sealed record RenderedSignVideo(SignVideoSpec Spec, string VideoPath, RenderedSign Sign)
{
    public string ExpectedText => Sign.ExpectedText;

    public int FrameCount => Spec.FrameCount;

    /// <summary>Top-left of the sign board in frame <paramref name="frame"/>.</summary>
    public Vector2 SignOrigin(int frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, Spec.FrameCount);
        return new Vector2(Spec.StartX + (frame * Spec.PixelsPerFrame), Spec.Y);
    }

    /// <summary>The whole sign board in frame <paramref name="frame"/>.</summary>
    public Quad SignBox(int frame)
    {
        var origin = SignOrigin(frame);
        return new Quad(origin, origin + new Vector2(Spec.Sign.Width, 0), origin + new Vector2(Spec.Sign.Width, Spec.Sign.Height), origin + new Vector2(0, Spec.Sign.Height));
    }

    /// <summary>Each line's ink quad in frame <paramref name="frame"/>, in the order of <see cref="SignSpec.Lines"/>.</summary>
    public IReadOnlyList<Quad> LineBoxes(int frame)
    {
        var o = SignOrigin(frame);
        return Sign.LineBoxes.Select(q => new Quad(q.TopLeft + o, q.TopRight + o, q.BottomRight + o, q.BottomLeft + o)).ToList();
    }

    /// <summary>Decodes frame <paramref name="frame"/> (0-based) to RGB through the ffmpeg CLI.</summary>
    public ImageFrame ReadFrame(int frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, Spec.FrameCount);
        var pixels = FfmpegTool.Run("ffmpeg",
        [
            "-v", "error", "-i", VideoPath, "-vf", string.Create(CultureInfo.InvariantCulture, $"select=eq(n\\,{frame})"),
            "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-",
        ]);
        if (pixels.Length != Spec.Width * Spec.Height * 3)
        {
            throw new InvalidDataException($"{VideoPath} frame {frame}: ffmpeg gave {pixels.Length} bytes for {Spec.Width}x{Spec.Height} RGB.");
        }

        return new ImageFrame(pixels, Spec.Width, Spec.Height, Spec.Width * 3)
        {
            Sequence = frame,
            Timestamp = TimeSpan.FromSeconds(frame / (double)Spec.FramesPerSecond),
            Origin = $"{Path.GetFileName(VideoPath)} frame {frame}",
        };
    }

    /// <summary>Decodes every frame in one ffmpeg run (75 frames of 720p RGB are 207 MB: for benches and a few tests).</summary>
    public IReadOnlyList<ImageFrame> ReadAllFrames()
    {
        var pixels = FfmpegTool.Run("ffmpeg", ["-v", "error", "-i", VideoPath, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);
        var size = Spec.Width * Spec.Height * 3;
        if (pixels.Length != size * Spec.FrameCount)
        {
            throw new InvalidDataException($"{VideoPath}: ffmpeg gave {pixels.Length} bytes, expected {Spec.FrameCount} frames of {Spec.Width}x{Spec.Height} RGB.");
        }

        var frames = new ImageFrame[Spec.FrameCount];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = new ImageFrame(pixels.AsSpan(i * size, size).ToArray(), Spec.Width, Spec.Height, Spec.Width * 3)
            {
                Sequence = i,
                Timestamp = TimeSpan.FromSeconds(i / (double)Spec.FramesPerSecond),
                Origin = $"{Path.GetFileName(VideoPath)} frame {i}",
            };
        }

        return frames;
    }
}
