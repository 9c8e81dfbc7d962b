using System.Runtime.CompilerServices;
using Captions.Vision.Frames;
using Captions.Vision.Imaging;

namespace Captions.Benchmarks.Vision;

/// <summary>
/// Frames already in memory, handed out one at a time: the next frame leaves only after the consumer called
/// <see cref="Advance"/> for the previous one (or a 30 s guard passed, so a frame the pipeline skipped cannot hang the
/// run). Each frame is stamped <see cref="ImageFrame.CapturedAt"/> as it leaves, so Published - Captured is the
/// pipeline's own frame-to-overlay time, with no decoding and no queueing behind earlier frames in it.
/// </summary>
/// <remarks>Threading model: ReadAsync on the pipeline's pump task; Advance from the consumer.</remarks>
internal sealed class ClosedLoopFrameSource : IFrameSource
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(30);
    private readonly IReadOnlyList<ImageFrame> _frames;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _advance = new(0);

    public ClosedLoopFrameSource(string description, IReadOnlyList<ImageFrame> frames, TimeProvider time)
    {
        Description = description;
        _frames = frames;
        _time = time;
    }

    public string Description { get; }

    public bool IsLive => false;

    public long DroppedFrames => 0;

    /// <summary>Frames the guard let through without an <see cref="Advance"/> (a frame that produced no snapshot).</summary>
    public int GuardReleases { get; private set; }

    public void Advance() => _advance.Release();

    public async IAsyncEnumerable<ImageFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < _frames.Count; i++)
        {
            if (i > 0 && !await _advance.WaitAsync(s_guard, cancellationToken).ConfigureAwait(false))
            {
                GuardReleases++;
            }

            var frame = _frames[i];
            yield return new ImageFrame(frame.Pixels, frame.Width, frame.Height, frame.Stride)
            {
                Sequence = i,
                Timestamp = frame.Timestamp,
                Origin = frame.Origin,
                CapturedAt = _time.GetTimestamp(),
            };
        }
    }

    public ValueTask DisposeAsync()
    {
        _advance.Dispose();
        return ValueTask.CompletedTask;
    }
}
