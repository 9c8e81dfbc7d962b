using Captions.Native.Leptonica;

namespace Captions.Vision.Frames;

/// <summary>
/// Opens the frame source an input names: an image file, a folder of photos, a video file, <c>camera</c>
/// (= /dev/video0), <c>camera:/dev/videoN</c> or a /dev/video* path.
/// </summary>
/// <remarks>
/// Files are told apart by extension (<see cref="PhotoDirectorySource.ImageExtensions"/>, <see cref="VideoExtensions"/>);
/// a file with another extension is a photo if leptonica recognises its signature, otherwise it is handed to ffmpeg
/// as a video (ffprobe's error names it if it is neither). Opening starts nothing: errors of the source itself come
/// from ReadAsync.
/// </remarks>
public static class FrameSourceFactory
{
    public const string DefaultCamera = "/dev/video0";

    /// <summary>Extensions taken as video files (lower case, with the dot).</summary>
    public static IReadOnlySet<string> VideoExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".mpg", ".mpeg", ".ts", ".mts", ".m2ts", ".flv", ".wmv", ".ogv", ".y4m", ".3gp",
    };

    /// <exception cref="FrameSourceException">The input is none of the above (the message names it).</exception>
    public static IFrameSource Open(string input, FrameSourceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSide, 1);
        string trimmed = input.Trim();
        if (trimmed.Equals("camera", StringComparison.OrdinalIgnoreCase))
        {
            return new FfmpegCameraSource(DefaultCamera, options, time);
        }

        if (trimmed.StartsWith("camera:", StringComparison.OrdinalIgnoreCase))
        {
            string device = trimmed["camera:".Length..];
            if (device.Length == 0)
            {
                throw new FrameSourceException($"input '{input}': no device after 'camera:' (e.g. camera:/dev/video1)");
            }

            return new FfmpegCameraSource(device, options, time);
        }

        if (trimmed.StartsWith("/dev/video", StringComparison.Ordinal))
        {
            return new FfmpegCameraSource(trimmed, options, time);
        }

        if (Directory.Exists(trimmed))
        {
            return new PhotoDirectorySource(trimmed, options, time);
        }

        if (File.Exists(trimmed))
        {
            string extension = Path.GetExtension(trimmed);
            if (PhotoDirectorySource.ImageExtensions.Contains(extension))
            {
                return new PhotoFrameSource(trimmed, options.MaxSide, time);
            }

            if (VideoExtensions.Contains(extension) || !LooksLikeImage(trimmed))
            {
                return new FfmpegVideoSource(trimmed, options, time);
            }

            return new PhotoFrameSource(trimmed, options.MaxSide, time);
        }

        throw new FrameSourceException(
            $"input '{input}' not found: give a photo, a folder of photos, a video file, 'camera' or 'camera:/dev/videoN'");
    }

    private static bool LooksLikeImage(string path)
    {
        Span<byte> head = stackalloc byte[16];
        int length;
        try
        {
            using var stream = File.OpenRead(path);
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FrameSourceException($"input '{path}' cannot be read ({ex.Message})", ex);
        }

        try
        {
            return Pix.FindFormat(head[..length]) is not (ImageFileFormat.Unknown or ImageFileFormat.PostScript or ImageFileFormat.Pdf);
        }
        catch (DllNotFoundException)
        {
            // Without leptonica no photo decodes anyway; let ffmpeg try it as a video.
            return false;
        }
    }
}
