using System.Globalization;

namespace Captions.TestKit.Vision;

/// <summary>
/// Writes a <see cref="SignVideoSpec"/> to an MP4 with ffmpeg: the sign PNG looped and overlaid, in planar RGB so
/// positions are not rounded to the chroma grid, then H.264 yuv420p (libx264, crf 18, keyframe every second). Cached
/// under a hash of the spec like the images; x264 is deterministic here, so the same spec gives the same bytes.
/// </summary>
public static class SignVideoWriter
{
    public static RenderedSignVideo Write(SignVideoSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var sign = SignImageRenderer.Render(spec.Sign);
        var path = Path.Combine(FfmpegTool.CacheDirectory, $"video-{FfmpegTool.Hash(spec.Canonical())}.mp4");
        if (!File.Exists(path))
        {
            var size = Invariant($"s={spec.Width}x{spec.Height}:r={spec.FramesPerSecond}");
            var duration = FfmpegTool.Number((spec.FrameCount + 1) / (double)spec.FramesPerSecond);
            var background = spec.Background switch
            {
                VideoBackground.Plain => $"color=c={FfmpegTool.Colour(spec.BackgroundColour)}:{size}:d={duration}",
                // testsrc2's clock (about 102x37 px at the top-left whatever the size) is text that changes every
                // frame: blanked, so the sign is the only text and request counts measure the sign alone.
                _ => $"testsrc2={size}:d={duration},drawbox=x=0:y=0:w=128:h=48:color=0x404040:t=fill",
            };
            // x from t, not n: overlay's n counts from 1 on this ffmpeg (5.1), which put every frame one step ahead.
            var overlay = Invariant($"[0:v]format=gbrp[bg];[1:v]format=gbrp[sign];[bg][sign]overlay=x='{spec.StartX}+round(t*{spec.FramesPerSecond})*{spec.PixelsPerFrame}':y={spec.Y}:format=gbrp:eof_action=repeat,format=yuv420p[out]");
            FfmpegTool.WriteAtomically(path, temporary => FfmpegTool.Run("ffmpeg",
            [
                "-v", "error", "-y", "-f", "lavfi", "-i", background,
                "-loop", "1", "-framerate", spec.FramesPerSecond.ToString(CultureInfo.InvariantCulture), "-i", sign.PngPath,
                "-filter_complex", overlay, "-map", "[out]", "-frames:v", spec.FrameCount.ToString(CultureInfo.InvariantCulture),
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-g", spec.FramesPerSecond.ToString(CultureInfo.InvariantCulture),
                .. FfmpegTool.s_bitExact, "-movflags", "+faststart", "-f", "mp4", temporary,
            ]));
        }

        return new RenderedSignVideo(spec, path, sign);
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
