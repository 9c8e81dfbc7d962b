using Captions.Vision.Imaging;

namespace Captions.Vision.Frames;

/// <summary>
/// Where frames come from: a photo, a folder of photos, a video file or a live camera. Frames come paced like the real
/// source (a video at its frame rate, a camera as it captures, photos as fast as they decode unless a rate is given);
/// a live source keeps only the newest frame when the consumer is slow and counts the rest in
/// <see cref="DroppedFrames"/>.
/// </summary>
/// <remarks>
/// Errors: a source that cannot start (missing file, no such device) or fails mid-stream (device gone, corrupt file)
/// throws <see cref="FrameSourceException"/> naming the input and what is wrong, from <see cref="ReadAsync"/>.
/// </remarks>
public interface IFrameSource : IAsyncDisposable
{
    /// <summary>"photo sign.jpg", "video walk.mp4", "camera /dev/video0".</summary>
    string Description { get; }

    /// <summary>Whether this is a live source (camera): frames not taken in time are dropped, newest kept.</summary>
    bool IsLive { get; }

    long DroppedFrames { get; }

    IAsyncEnumerable<ImageFrame> ReadAsync(CancellationToken cancellationToken);
}
