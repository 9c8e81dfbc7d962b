using Captions.TestKit.Vision;
using Captions.Vision.Frames;
using Captions.Vision.Tests.Imaging;

namespace Captions.Vision.Tests.Frames;

public sealed class FrameSourceFactoryTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("camera", "camera /dev/video0")]
    [InlineData("camera:/dev/video3", "camera /dev/video3")]
    [InlineData("/dev/video2", "camera /dev/video2")]
    public async Task Open_CameraInputs_OpenTheNamedDevice(string input, string description)
    {
        await using IFrameSource source = FrameSourceFactory.Open(input, new FrameSourceOptions(), TimeProvider.System);

        source.Should().BeOfType<FfmpegCameraSource>();
        source.Description.Should().Be(description);
        source.IsLive.Should().BeTrue();
    }

    [Fact]
    public async Task Open_Directory_IsAPhotoFolder()
    {
        await using IFrameSource source = FrameSourceFactory.Open(_scratch.Path, new FrameSourceOptions(), TimeProvider.System);

        source.Should().BeOfType<PhotoDirectorySource>();
    }

    [Fact]
    public async Task Open_JpegFile_IsAPhoto()
    {
        await using IFrameSource source = FrameSourceFactory.Open(TestImages.OpenCvPhoto("scenetext01.jpg"), new FrameSourceOptions(), TimeProvider.System);

        source.Should().BeOfType<PhotoFrameSource>();
    }

    [Fact]
    public async Task Open_Mp4File_IsAVideo()
    {
        string path = _scratch.File("clip.mp4");
        File.WriteAllBytes(path, [0]);

        await using IFrameSource source = FrameSourceFactory.Open(path, new FrameSourceOptions(), TimeProvider.System);

        source.Should().BeOfType<FfmpegVideoSource>();
    }

    [Fact]
    public async Task Open_PhotoWithoutExtension_RecognisedBySignature()
    {
        string path = _scratch.File("snapshot");
        File.Copy(TestImages.OpenCvPhoto("scenetext02.jpg"), path);

        await using IFrameSource source = FrameSourceFactory.Open(path, new FrameSourceOptions(), TimeProvider.System);

        source.Should().BeOfType<PhotoFrameSource>();
    }

    [Fact]
    public async Task Open_VideoWithoutExtension_HandedToFfmpeg()
    {
        string path = _scratch.File("recording");
        FfmpegTool.Run("-f", "lavfi", "-i", "testsrc2=size=64x48:rate=5:duration=1", "-f", "matroska", path);

        await using IFrameSource source = FrameSourceFactory.Open(path, new FrameSourceOptions { Paced = false }, TimeProvider.System);

        source.Should().BeOfType<FfmpegVideoSource>();
        (await FrameReading.ReadAllAsync(source)).Should().HaveCount(5);
    }

    [Theory]
    [InlineData("/nowhere/at/all.jpg")]
    [InlineData("webcam")]
    public void Open_UnknownInput_ThrowsNamingIt(string input)
    {
        Action act = () => FrameSourceFactory.Open(input, new FrameSourceOptions(), TimeProvider.System);

        act.Should().Throw<FrameSourceException>().WithMessage($"input '{input}' not found: give a photo, a folder of photos, a video file, 'camera' or 'camera:/dev/videoN'");
    }

    [Fact]
    public void Open_CameraWithoutDevice_Throws()
    {
        Action act = () => FrameSourceFactory.Open("camera:", new FrameSourceOptions(), TimeProvider.System);

        act.Should().Throw<FrameSourceException>().WithMessage("input 'camera:': no device after 'camera:'*");
    }
}
