using System.Globalization;
using System.Text.Json;
using Captions.Engine.Processes;

namespace Captions.Vision.Frames;

/// <summary>What ffprobe says about a video file's first video stream.</summary>
/// <param name="Width">Coded width.</param>
/// <param name="Height">Coded height.</param>
/// <param name="RateNumerator">Frame rate numerator (avg_frame_rate, else r_frame_rate).</param>
/// <param name="RateDenominator">Frame rate denominator.</param>
public sealed record VideoStreamInfo(int Width, int Height, int RateNumerator, int RateDenominator)
{
    public double FramesPerSecond => (double)RateNumerator / RateDenominator;

    /// <summary>Presentation time of frame <paramref name="index"/> at this (constant) rate.</summary>
    public TimeSpan FrameTime(long index) => TimeSpan.FromTicks(index * TimeSpan.TicksPerSecond * RateDenominator / RateNumerator);

    /// <summary>Runs ffprobe on <paramref name="path"/>.</summary>
    /// <exception cref="FrameSourceException">ffprobe cannot read the file, or it has no video stream.</exception>
    public static async Task<VideoStreamInfo> ProbeAsync(string ffprobe, string path, string what, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-v", "error", "-select_streams", "v:0",
            "-show_entries", "stream=width,height,avg_frame_rate,r_frame_rate", "-of", "json", path,
        ];
        await using var process = FfmpegProcess.Start(ffprobe, arguments, what, FrameSourceException.Create);
        using var json = new MemoryStream();
        try
        {
            await process.Output.CopyToAsync(json, cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await process.StopAsync().ConfigureAwait(false);
        }

        if (process.ExitCode != 0)
        {
            throw new FrameSourceException($"{what}: not a video ffmpeg can read ({process.Reason()})");
        }

        return Parse(json.ToArray(), what);
    }

    internal static VideoStreamInfo Parse(byte[] json, string what)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("streams", out JsonElement streams) || streams.GetArrayLength() == 0)
        {
            throw new FrameSourceException($"{what}: the file has no video stream");
        }

        JsonElement stream = streams[0];
        int width = stream.TryGetProperty("width", out JsonElement w) ? w.GetInt32() : 0;
        int height = stream.TryGetProperty("height", out JsonElement h) ? h.GetInt32() : 0;
        if (width <= 0 || height <= 0)
        {
            throw new FrameSourceException($"{what}: the video stream has no size ({width}x{height})");
        }

        // 25 fps is ffmpeg's own fallback when a stream states no rate.
        (int num, int den) = Rate(stream, "avg_frame_rate") ?? Rate(stream, "r_frame_rate") ?? (25, 1);
        return new VideoStreamInfo(width, height, num, den);
    }

    private static (int, int)? Rate(JsonElement stream, string name)
    {
        if (!stream.TryGetProperty(name, out JsonElement value) || value.GetString() is not { } text)
        {
            return null;
        }

        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int num)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int den)
            && num > 0 && den > 0)
        {
            return (num, den);
        }

        return null;
    }
}
