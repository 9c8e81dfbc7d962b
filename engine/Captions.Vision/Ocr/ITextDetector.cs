using Captions.Vision.Imaging;

namespace Captions.Vision.Ocr;

/// <summary>
/// Finds text lines in a frame. Results are in the frame's pixel coordinates, in reading order (top to bottom, then
/// left to right), at most <see cref="MaxRegions"/> of them (the highest-scoring ones when there are more).
/// Threading model: one call at a time per instance (native sessions and scratch buffers are per instance).
/// </summary>
public interface ITextDetector : IDisposable
{
    string Name { get; }

    int MaxRegions { get; }

    IReadOnlyList<TextRegion> Detect(ImageFrame frame);
}
