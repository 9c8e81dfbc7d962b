using Captions.Vision.Geometry;
using Captions.Vision.Imaging;

namespace Captions.TestKit.Vision;

/// <summary>A frame with a known number of separate text regions: the words and each word's ink quad, in reading order.</summary>
public sealed record RenderedTextGrid(int Width, int Height, IReadOnlyList<string> Words, string PngPath, IReadOnlyList<Quad> Boxes)
{
    public ImageFrame LoadFrame() => TestImages.DecodeWithFfmpeg(PngPath);
}
