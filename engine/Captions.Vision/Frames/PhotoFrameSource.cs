using System.Runtime.CompilerServices;
using Captions.Vision.Imaging;

namespace Captions.Vision.Frames;

/// <summary>One photo as a source of one frame (Sequence 0, Timestamp 0), decoded off the caller's thread.</summary>
/// <remarks>Threading model: one reader; decoding runs on the thread pool.</remarks>
public sealed class PhotoFrameSource : IFrameSource
{
    private readonly string _path;
    private readonly int _maxSide;
    private readonly TimeProvider _time;

    public PhotoFrameSource(string path, int maxSide, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        ArgumentNullException.ThrowIfNull(time);
        _path = path;
        _maxSide = maxSide;
        _time = time;
        Description = $"photo {Path.GetFileName(path)}";
    }

    public string Description { get; }

    public bool IsLive => false;

    public long DroppedFrames => 0;

    public async IAsyncEnumerable<ImageFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ImageFrame decoded;
        try
        {
            decoded = await Task.Run(() => ImageDecoder.Decode(_path, _maxSide), cancellationToken).ConfigureAwait(false);
        }
        catch (ImageDecodeException ex)
        {
            throw new FrameSourceException(ex.Message, ex);
        }

        yield return new ImageFrame(decoded.Pixels, decoded.Width, decoded.Height, decoded.Stride)
        {
            Sequence = 0,
            Timestamp = TimeSpan.Zero,
            CapturedAt = _time.GetTimestamp(),
            Origin = Description,
        };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
