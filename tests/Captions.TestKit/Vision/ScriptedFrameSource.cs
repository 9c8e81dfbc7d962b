using System.Runtime.CompilerServices;
using Captions.Vision.Frames;
using Captions.Vision.Imaging;

namespace Captions.TestKit.Vision;

/// <summary>
/// A test double for sign-pipeline tests (not a source): renders a <see cref="ScriptedScene"/>'s frames as fast as they
/// are taken, stamped from a <see cref="TimeProvider"/>, and can fail mid-stream like a camera that disappears.
/// </summary>
public sealed class ScriptedFrameSource : IFrameSource
{
    private readonly ScriptedScene _scene;
    private readonly TimeProvider _time;
    private int _produced;

    public ScriptedFrameSource(ScriptedScene scene, TimeProvider? time = null)
    {
        _scene = scene ?? throw new ArgumentNullException(nameof(scene));
        _time = time ?? TimeProvider.System;
    }

    public string Description => $"scripted {_scene.Frames.Count} frames";

    public bool IsLive { get; init; }

    public long DroppedFrames { get; set; }

    /// <summary>When set, ReadAsync throws a <see cref="FrameSourceException"/> after this many frames.</summary>
    public int? FailAfter { get; init; }

    public int Produced => Volatile.Read(ref _produced);

    public async IAsyncEnumerable<ImageFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < _scene.Frames.Count; i++)
        {
            if (FailAfter is { } limit && i >= limit)
            {
                throw new FrameSourceException($"camera scripted: device gone after frame {i - 1}.");
            }

            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            var frame = _scene.Render(i);
            Interlocked.Increment(ref _produced);
            yield return new ImageFrame(frame.Pixels, frame.Width, frame.Height, frame.Stride)
            {
                Sequence = frame.Sequence,
                Timestamp = frame.Timestamp,
                Origin = frame.Origin,
                CapturedAt = _time.GetTimestamp(),
            };
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
