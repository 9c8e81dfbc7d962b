using Captions.TestKit.Diagnostics;
using Captions.Vision.Imaging;

namespace Captions.Vision.PaddleOcr.Tests;

/// <summary>
/// Per-frame cost in managed memory after warm-up: the tensors, the map scratch and the decoder's buffers are reused,
/// so only the results are allocated (a region array, a string).
/// </summary>
[Collection(PaddleOcrCollection.Name)]
public sealed class SteadyStateTests
{
    [Fact]
    public void Detect_SameSizeFrames_AllocatesOnlyTheResult()
    {
        var detector = PaddleOcrTestAssets.Engine.Detector;
        var frame = RenderedText.Render("STEADY STATE", RenderedText.DejaVuSans, 40, 640, 360, x: 40, y: 100);
        var regions = detector.Detect(frame);

        long allocated = AllocationProbe.SteadyStateBytes(() => regions = detector.Detect(frame), iterations: 1);

        regions.Should().ContainSingle();
        // The region array and the sort's comparer: well under 1 KB; a per-frame map or tensor would be >= 225 KB.
        allocated.Should().BeLessThan(1024);
    }

    [Fact]
    public void Recognize_SameCrop_AllocatesOnlyTheText()
    {
        var recognizer = PaddleOcrTestAssets.Engine.Recognizer;
        var crop = RenderedText.Render("steady", RenderedText.DejaVuSans, 32, 160, 48, x: 8, y: 6);
        var text = recognizer.Recognize(crop);

        long allocated = AllocationProbe.SteadyStateBytes(() => text = recognizer.Recognize(crop), iterations: 1);

        text.Text.Should().Be("steady");
        allocated.Should().BeLessThan(512);
    }

    [Fact]
    public void DetectAndRecognize_OnePixelFrame_NoErrorNoText()
    {
        var frame = ImageFrame.Create(1, 1);

        PaddleOcrTestAssets.Engine.Detector.Detect(frame).Should().BeEmpty();
        PaddleOcrTestAssets.Engine.Recognizer.Recognize(frame).Text.Should().BeEmpty();
        PaddleOcrTestAssets.Engine.ReadAll(frame).Should().BeEmpty();
    }
}
