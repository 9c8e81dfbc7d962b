using Captions.TestKit.Vision;
using Captions.Vision.Frames;
using Captions.Vision.Imaging;
using Captions.Vision.Tests.Imaging;

namespace Captions.Vision.Tests.Frames;

public sealed class PhotoFrameSourceTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task ReadAsync_Photo_YieldsOneDecodedFrame()
    {
        string path = TestImages.OpenCvPhoto("scenetext05.jpg");
        await using var source = new PhotoFrameSource(path, 640, TimeProvider.System);

        List<ImageFrame> frames = await FrameReading.ReadAllAsync(source);

        source.IsLive.Should().BeFalse();
        source.Description.Should().Be("photo scenetext05.jpg");
        frames.Should().ContainSingle();
        ImageFrame frame = frames[0];
        frame.Width.Should().Be(640);
        frame.Height.Should().Be(480);
        frame.Sequence.Should().Be(0);
        frame.Timestamp.Should().Be(TimeSpan.Zero);
        frame.CapturedAt.Should().BeGreaterThan(0);
        frame.Origin.Should().Be("photo scenetext05.jpg");
        frame.Pixels.Should().Equal(ImageDecoder.Decode(path, 640).Pixels);
    }

    [Fact]
    public async Task ReadAsync_TruncatedPhoto_ThrowsFrameSourceExceptionNamingTheFile()
    {
        string path = _scratch.File("cut.jpg");
        File.WriteAllBytes(path, File.ReadAllBytes(TestImages.OpenCvPhoto("scenetext01.jpg"))[..20_000]);
        await using var source = new PhotoFrameSource(path, 4096, TimeProvider.System);

        Func<Task> act = () => FrameReading.ReadAllAsync(source);

        (await act.Should().ThrowAsync<FrameSourceException>().WithMessage($"*{path}*corrupt or truncated JPEG*"))
            .Which.InnerException.Should().BeOfType<ImageDecodeException>();
    }
}
