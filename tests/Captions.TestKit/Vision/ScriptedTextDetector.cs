using Captions.Vision.Geometry;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;

namespace Captions.TestKit.Vision;

/// <summary>
/// A test double for sign-pipeline tests (not a detector): returns the boxes a <see cref="ScriptedScene"/> lists for
/// the frame's <see cref="ImageFrame.Sequence"/>, in reading order, and can be made to fail on chosen frames.
/// </summary>
public sealed class ScriptedTextDetector : ITextDetector
{
    private readonly ScriptedScene _scene;
    private int _calls;

    public ScriptedTextDetector(ScriptedScene scene) => _scene = scene ?? throw new ArgumentNullException(nameof(scene));

    public string Name => "scripted-detector";

    public int MaxRegions { get; init; } = 1000;

    /// <summary>When it returns an exception for a frame sequence, Detect throws it.</summary>
    public Func<long, Exception?> Fail { get; init; } = _ => null;

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<TextRegion> Detect(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Interlocked.Increment(ref _calls);
        if (Fail(frame.Sequence) is { } error)
        {
            throw error;
        }

        return [.. _scene.Frames[(int)frame.Sequence]
            .OrderBy(s => s.Box.Top).ThenBy(s => s.Box.Left)
            .Take(MaxRegions)
            .Select(s => new TextRegion(Quad.FromRectangle(s.Box), 0.9f))];
    }

    public void Dispose()
    {
    }
}
