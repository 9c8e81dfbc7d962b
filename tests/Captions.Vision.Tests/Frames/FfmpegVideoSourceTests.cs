using Captions.TestKit.Time;
using Captions.Vision.Frames;
using Captions.Vision.Imaging;
using Captions.Vision.Tests.Imaging;

namespace Captions.Vision.Tests.Frames;

public sealed class FfmpegVideoSourceTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    // 2 s of testsrc2 at 10 fps: 20 frames, pts 0, 0.1, ... 1.9 s.
    private string MakeVideo(string name = "walk.mp4", string size = "160x120")
    {
        string path = _scratch.File(name);
        FfmpegTool.Run("-f", "lavfi", "-i", $"testsrc2=size={size}:rate=10:duration=2", "-c:v", "libx264", "-pix_fmt", "yuv420p", path);
        return path;
    }

    [Fact]
    public async Task ReadAsync_Unpaced_DeliversEveryFrameWithItsPresentationTime()
    {
        string path = MakeVideo();
        await using var source = new FfmpegVideoSource(path, new FrameSourceOptions { Paced = false }, TimeProvider.System);

        List<ImageFrame> frames = await FrameReading.ReadAllAsync(source);

        source.Description.Should().Be("video walk.mp4");
        source.IsLive.Should().BeFalse();
        source.Stream.Should().Be(new VideoStreamInfo(160, 120, 10, 1));
        frames.Should().HaveCount(20);
        frames.Select(f => f.Sequence).Should().Equal(Enumerable.Range(0, 20).Select(i => (long)i));
        frames.Select(f => f.Timestamp).Should().Equal(Enumerable.Range(0, 20).Select(i => TimeSpan.FromMilliseconds(100 * i)));
        frames.Should().OnlyContain(f => f.Width == 160 && f.Height == 120 && f.Stride == 480);
        frames[0].Pixels.Should().NotEqual(frames[19].Pixels, "testsrc2 moves");
        source.DroppedFrames.Should().Be(0);
    }

    [Fact]
    public async Task ReadAsync_Paced_NextFrameWaitsForItsTimeOnTheInjectedClock()
    {
        string path = MakeVideo();
        var time = new ManualTimeProvider();
        await using var source = new FfmpegVideoSource(path, new FrameSourceOptions(), time);
        using var timeout = FrameReading.Timeout();
        await using IAsyncEnumerator<ImageFrame> frames = source.ReadAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        (await frames.MoveNextAsync().AsTask().WaitAsync(FrameReading.Deadline)).Should().BeTrue();
        frames.Current.Timestamp.Should().Be(TimeSpan.Zero);
        Task<bool> second = frames.MoveNextAsync().AsTask();
        while (time.ActiveTimers == 0)
        {
            await Task.Delay(10, timeout.Token);
        }

        time.Advance(TimeSpan.FromMilliseconds(99));
        second.IsCompleted.Should().BeFalse("frame 1 is due at 100 ms");
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await second.WaitAsync(FrameReading.Deadline)).Should().BeTrue();
        frames.Current.Sequence.Should().Be(1);
        frames.Current.Timestamp.Should().Be(TimeSpan.FromMilliseconds(100));
        frames.Current.CapturedAt.Should().Be(time.GetTimestamp());

        // Late consumer: the clock is already past frame 2 and 3, so they come without waiting.
        time.Advance(TimeSpan.FromMilliseconds(250));
        (await frames.MoveNextAsync().AsTask().WaitAsync(FrameReading.Deadline)).Should().BeTrue();
        (await frames.MoveNextAsync().AsTask().WaitAsync(FrameReading.Deadline)).Should().BeTrue();
        frames.Current.Timestamp.Should().Be(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task ReadAsync_LargerThanMaxSide_ScaledByFfmpegKeepingAspect()
    {
        string path = MakeVideo("big.mkv", "640x360");
        await using var source = new FfmpegVideoSource(path, new FrameSourceOptions { Paced = false, MaxSide = 320 }, TimeProvider.System);

        List<ImageFrame> frames = await FrameReading.ReadAllAsync(source);

        frames.Should().HaveCount(20).And.OnlyContain(f => f.Width == 320 && f.Height == 180);
    }

    [Fact]
    public async Task ReadAsync_TextFileNamedMp4_ThrowsNamingTheFile()
    {
        string path = _scratch.File("notes.mp4");
        File.WriteAllText(path, "not a video at all");
        await using var source = new FfmpegVideoSource(path, new FrameSourceOptions(), TimeProvider.System);

        Func<Task> act = () => FrameReading.ReadAllAsync(source);

        await act.Should().ThrowAsync<FrameSourceException>().WithMessage("video notes.mp4: not a video ffmpeg can read (*Invalid data*)");
    }

    [Fact]
    public async Task ReadAsync_AudioOnlyFile_ThrowsNoVideoStream()
    {
        string path = _scratch.File("tone.wav");
        FfmpegTool.Run("-f", "lavfi", "-i", "sine=duration=0.2", path);
        await using var source = new FfmpegVideoSource(path, new FrameSourceOptions(), TimeProvider.System);

        Func<Task> act = () => FrameReading.ReadAllAsync(source);

        await act.Should().ThrowAsync<FrameSourceException>().WithMessage("video tone.wav: the file has no video stream");
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsNotFound()
    {
        await using var source = new FfmpegVideoSource(_scratch.File("gone.mp4"), new FrameSourceOptions(), TimeProvider.System);

        Func<Task> act = () => FrameReading.ReadAllAsync(source);

        await act.Should().ThrowAsync<FrameSourceException>().WithMessage("video gone.mp4: file not found*");
    }

    [Fact]
    public async Task ReadAsync_TruncatedVideo_DeliversWhatDecodesThenEndsOrThrowsNamingIt()
    {
        string whole = MakeVideo("whole.mkv");
        string path = _scratch.File("cut.mkv");
        byte[] bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        await using var source = new FfmpegVideoSource(path, new FrameSourceOptions { Paced = false }, TimeProvider.System);
        var frames = new List<ImageFrame>();

        Func<Task> act = async () =>
        {
            using var timeout = FrameReading.Timeout();
            await foreach (ImageFrame frame in source.ReadAsync(timeout.Token))
            {
                frames.Add(frame);
            }
        };

        // ffmpeg decodes a cut Matroska up to the cut and exits 0 (measured: about half the frames); if it exits
        // with an error instead, the message must name the file.
        try
        {
            await act();
        }
        catch (FrameSourceException ex)
        {
            ex.Message.Should().StartWith("video cut.mkv:");
        }

        frames.Count.Should().BeInRange(1, 19);
        frames.Select(f => f.Sequence).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task ReadAsync_ConsumerStopsEarly_FfmpegIsStoppedAndReadingEnds()
    {
        string path = MakeVideo();
        await using var source = new FfmpegVideoSource(path, new FrameSourceOptions { Paced = false }, TimeProvider.System);
        using var timeout = FrameReading.Timeout();
        int count = 0;

        await foreach (ImageFrame frame in source.ReadAsync(timeout.Token))
        {
            if (++count == 3)
            {
                break;
            }
        }

        count.Should().Be(3);
    }
}
