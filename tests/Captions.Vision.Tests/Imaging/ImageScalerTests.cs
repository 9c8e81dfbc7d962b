using Captions.TestKit.Diagnostics;
using Captions.TestKit.Vision;
using Captions.Vision.Imaging;

namespace Captions.Vision.Tests.Imaging;

public sealed class ImageScalerTests
{
    [Fact]
    public void ScaleToFit_AlreadyFits_ReturnsTheSameFrame()
    {
        var frame = ImageFrame.Create(640, 480);

        ImageScaler.ScaleToFit(frame, 640).Should().BeSameAs(frame);
    }

    [Fact]
    public void ScaleToFit_HalfSize_AveragesEachTwoByTwoBlock()
    {
        var frame = ImageFrame.Create(4, 2);
        byte[] values = [0, 100, 10, 30, 200, 40, 60, 80];
        for (int y = 0; y < 2; y++)
        {
            for (int x = 0; x < 4; x++)
            {
                frame.Row(y)[(x * 3)..((x * 3) + 3)].Fill(values[(y * 4) + x]);
            }
        }

        ImageFrame half = ImageScaler.ScaleToFit(frame, 2);

        half.Width.Should().Be(2);
        half.Height.Should().Be(1);
        half.Pixels.Should().Equal(
            (byte)((0 + 100 + 200 + 40) / 4), (byte)85, (byte)85,
            (byte)((10 + 30 + 60 + 80) / 4), (byte)45, (byte)45);
    }

    [Fact]
    public void ScaleToFit_ThirdSizeWithFractionalCoverage_KeepsUniformColour()
    {
        var frame = ImageFrame.Create(1000, 700);
        for (int i = 0; i < frame.Pixels.Length; i += 3)
        {
            frame.Pixels[i] = 200;
            frame.Pixels[i + 1] = 17;
            frame.Pixels[i + 2] = 90;
        }

        ImageFrame small = ImageScaler.ScaleToFit(frame, 333);

        small.Width.Should().Be(333);
        small.Height.Should().Be(233);
        for (int i = 0; i < small.Width * small.Height * 3; i += 3)
        {
            small.Pixels[i].Should().Be(200);
            small.Pixels[i + 1].Should().Be(17);
            small.Pixels[i + 2].Should().Be(90);
        }
    }

    [Fact]
    public void ScaleToFit_KeepsFrameMetadata()
    {
        var frame = new ImageFrame(new byte[64 * 32 * 3], 64, 32, 64 * 3)
        {
            Sequence = 42,
            Timestamp = TimeSpan.FromSeconds(3),
            CapturedAt = 1234,
            Origin = "camera /dev/video0",
        };

        ImageFrame small = ImageScaler.ScaleToFit(frame, 16);

        small.Sequence.Should().Be(42);
        small.Timestamp.Should().Be(TimeSpan.FromSeconds(3));
        small.CapturedAt.Should().Be(1234);
        small.Origin.Should().Be("camera /dev/video0");
    }

    [Fact]
    public void ScaleToFit_ReusedDestination_AllocatesOnlyTheFrameObject()
    {
        ImageFrame photo = TestImages.DecodeWithFfmpeg(TestImages.OpenCvPhoto("scenetext01.jpg"));
        var destination = new byte[320 * 240 * 3];
        ImageFrame small = ImageScaler.ScaleToFit(photo, 320, destination);

        long allocated = AllocationProbe.SteadyStateBytes(() => small = ImageScaler.ScaleToFit(photo, 320, destination), iterations: 1);

        small.Pixels.Should().BeSameAs(destination);
        small.Width.Should().Be(320);
        small.Height.Should().Be(240);

        // The ImageFrame object (~80 bytes); no pixel buffer, no scratch.
        allocated.Should().BeLessThan(256);
    }

    [Fact]
    public void ScaleToFit_DestinationTooSmall_Throws()
    {
        var frame = ImageFrame.Create(100, 100);

        Action act = () => ImageScaler.ScaleToFit(frame, 50, new byte[10]);

        act.Should().Throw<ArgumentException>();
    }
}
