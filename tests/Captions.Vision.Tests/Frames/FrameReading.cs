using Captions.Vision.Frames;
using Captions.Vision.Imaging;

namespace Captions.Vision.Tests.Frames;

/// <summary>Reading helpers under a deadline, so a hang fails the test instead of the run.</summary>
internal static class FrameReading
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static CancellationTokenSource Timeout() => new(Deadline);

    public static async Task<List<ImageFrame>> ReadAllAsync(IFrameSource source)
    {
        using var timeout = Timeout();
        var frames = new List<ImageFrame>();
        await foreach (ImageFrame frame in source.ReadAsync(timeout.Token))
        {
            frames.Add(frame);
        }

        return frames;
    }
}
