using Captions.Vision.Geometry;
using Captions.Vision.Imaging;

namespace Captions.TestKit.Vision;

/// <summary>
/// A rendered sign: the PNG (in the synthetic cache directory), the spec it came from, and where each line's ink is
/// (<see cref="LineBoxes"/>, one quad per entry of <see cref="SignSpec.Lines"/>, in the same order, after perspective
/// and rotation; blur spreads ink a pixel or two past them).
/// </summary>
public sealed record RenderedSign(SignSpec Spec, string PngPath, IReadOnlyList<Quad> LineBoxes)
{
    public string ExpectedText => Spec.ExpectedText;

    /// <summary>Decodes the PNG through the ffmpeg CLI (independent of the production decoder).</summary>
    public ImageFrame LoadFrame() => TestImages.DecodeWithFfmpeg(PngPath);
}
