namespace Captions.Vision.Imaging;

/// <summary>
/// One picture: 8-bit RGB, interleaved, rows top to bottom, <see cref="Stride"/> bytes a row (at least
/// <c>3 * Width</c>). Photos, video frames and camera frames all arrive as this; crops cut from it are this too.
/// </summary>
/// <remarks>
/// <see cref="Sequence"/> counts frames from one source from 0; <see cref="Timestamp"/> is the frame's time on the
/// source's timeline (presentation time for video, capture time for a camera, zero for a photo) and
/// <see cref="CapturedAt"/> the <see cref="TimeProvider"/> timestamp when it reached the process, which latency
/// figures start from.
/// Threading model: immutable once handed on; the producer never writes a frame it has published.
/// </remarks>
public sealed class ImageFrame
{
    public ImageFrame(byte[] pixels, int width, int height, int stride)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width * 3);
        if ((long)stride * height > pixels.Length)
        {
            throw new ArgumentException($"{width}x{height} with stride {stride} needs {(long)stride * height} bytes; the buffer has {pixels.Length}.", nameof(pixels));
        }

        Pixels = pixels;
        Width = width;
        Height = height;
        Stride = stride;
    }

    /// <summary>A black frame of the given size (stride 3 * width).</summary>
    public static ImageFrame Create(int width, int height) => new(new byte[checked(width * height * 3)], width, height, width * 3);

    public byte[] Pixels { get; }

    public int Width { get; }

    public int Height { get; }

    public int Stride { get; }

    public long Sequence { get; init; }

    public TimeSpan Timestamp { get; init; }

    public long CapturedAt { get; init; }

    /// <summary>Where the frame came from, for messages ("photo sign.jpg", "/dev/video0 frame 12").</summary>
    public string Origin { get; init; } = "";

    public Span<byte> Row(int y) => Pixels.AsSpan(y * Stride, Width * 3);

    public override string ToString() => $"{Origin} {Width}x{Height} #{Sequence}";
}
