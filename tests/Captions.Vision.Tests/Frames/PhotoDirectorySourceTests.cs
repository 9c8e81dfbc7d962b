using Captions.TestKit.Time;
using Captions.TestKit.Vision;
using Captions.Vision.Frames;
using Captions.Vision.Imaging;
using Captions.Vision.Tests.Imaging;

namespace Captions.Vision.Tests.Frames;

public sealed class PhotoDirectorySourceTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task ReadAsync_Folder_YieldsPhotosInNameOrderIgnoringOtherFiles()
    {
        File.Copy(TestImages.OpenCvPhoto("scenetext03.jpg"), _scratch.File("b.jpg"));
        File.Copy(TestImages.OpenCvPhoto("scenetext01.jpg"), _scratch.File("a.jpg"));
        FfmpegTool.TestPicture(_scratch.File("c.png"), 64, 48);
        File.WriteAllText(_scratch.File("README.txt"), "not a photo");
        await using var source = new PhotoDirectorySource(_scratch.Path, new FrameSourceOptions(), TimeProvider.System);

        List<ImageFrame> frames = await FrameReading.ReadAllAsync(source);

        frames.Select(f => f.Origin).Should().Equal("photo a.jpg", "photo b.jpg", "photo c.png");
        frames.Select(f => f.Sequence).Should().Equal(0, 1, 2);
        frames.Select(f => (f.Width, f.Height)).Should().Equal((800, 600), (1004, 958), (64, 48));
        source.SkippedPhotos.Should().Be(0);
    }

    [Fact]
    public async Task ReadAsync_CorruptPhotoInFolder_SkippedCountedAndReportedRestDelivered()
    {
        File.Copy(TestImages.OpenCvPhoto("scenetext04.jpg"), _scratch.File("1.jpg"));
        File.WriteAllText(_scratch.File("2.jpg"), "this is a text file");
        File.WriteAllBytes(_scratch.File("3.jpg"), File.ReadAllBytes(TestImages.OpenCvPhoto("scenetext05.jpg"))[..5_000]);
        File.Copy(TestImages.OpenCvPhoto("scenetext06.jpg"), _scratch.File("4.jpg"));
        var reported = new List<ImageDecodeException>();
        var options = new FrameSourceOptions { PhotoSkipped = reported.Add };
        await using var source = new PhotoDirectorySource(_scratch.Path, options, TimeProvider.System);

        List<ImageFrame> frames = await FrameReading.ReadAllAsync(source);

        frames.Select(f => f.Origin).Should().Equal("photo 1.jpg", "photo 4.jpg");
        frames.Select(f => f.Sequence).Should().Equal(0, 1);
        source.SkippedPhotos.Should().Be(2);
        reported.Should().HaveCount(2);
        reported[0].Message.Should().Contain("2.jpg").And.Contain("unsupported format");
        reported[1].Message.Should().Contain("3.jpg").And.Contain("corrupt or truncated JPEG");
    }

    [Fact]
    public async Task ReadAsync_EmptyFolder_ThrowsSayingEmpty()
    {
        await using var source = new PhotoDirectorySource(_scratch.Path, new FrameSourceOptions(), TimeProvider.System);

        Func<Task> act = () => FrameReading.ReadAllAsync(source);

        await act.Should().ThrowAsync<FrameSourceException>().WithMessage($"*{_scratch.Path}*empty*");
    }

    [Fact]
    public async Task ReadAsync_FolderWithoutPhotos_ThrowsListingWhatItLookedFor()
    {
        File.WriteAllText(_scratch.File("notes.txt"), "x");
        await using var source = new PhotoDirectorySource(_scratch.Path, new FrameSourceOptions(), TimeProvider.System);

        Func<Task> act = () => FrameReading.ReadAllAsync(source);

        await act.Should().ThrowAsync<FrameSourceException>().WithMessage($"*{_scratch.Path}*no photos among its 1 files*.jpg*");
    }

    [Fact]
    public async Task ReadAsync_NoPhotoDecodes_ThrowsWithTheFirstReason()
    {
        File.WriteAllBytes(_scratch.File("a.jpg"), []);
        File.WriteAllText(_scratch.File("b.png"), "text");
        await using var source = new PhotoDirectorySource(_scratch.Path, new FrameSourceOptions(), TimeProvider.System);

        Func<Task> act = () => FrameReading.ReadAllAsync(source);

        await act.Should().ThrowAsync<FrameSourceException>().WithMessage("*none of the 2 photos could be decoded*a.jpg*empty*");
        source.SkippedPhotos.Should().Be(2);
    }

    [Fact]
    public async Task ReadAsync_WithInterval_NextPhotoWaitsForTheInjectedClock()
    {
        FfmpegTool.TestPicture(_scratch.File("a.png"), 32, 24);
        FfmpegTool.TestPicture(_scratch.File("b.png"), 32, 24);
        var time = new ManualTimeProvider();
        var options = new FrameSourceOptions { PhotoInterval = TimeSpan.FromSeconds(5) };
        await using var source = new PhotoDirectorySource(_scratch.Path, options, time);
        using var timeout = FrameReading.Timeout();
        await using IAsyncEnumerator<ImageFrame> frames = source.ReadAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        (await frames.MoveNextAsync().AsTask().WaitAsync(FrameReading.Deadline)).Should().BeTrue();
        frames.Current.Timestamp.Should().Be(TimeSpan.Zero);
        Task<bool> second = frames.MoveNextAsync().AsTask();
        while (time.ActiveTimers == 0)
        {
            await Task.Delay(10, timeout.Token);
        }

        time.Advance(TimeSpan.FromSeconds(4));
        second.IsCompleted.Should().BeFalse("the interval is 5 s and only 4 s passed");
        time.Advance(TimeSpan.FromSeconds(1));

        (await second.WaitAsync(FrameReading.Deadline)).Should().BeTrue();
        frames.Current.Origin.Should().Be("photo b.png");
        frames.Current.Sequence.Should().Be(1);
        frames.Current.Timestamp.Should().Be(TimeSpan.FromSeconds(5));
    }
}
