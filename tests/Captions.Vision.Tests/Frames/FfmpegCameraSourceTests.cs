using System.Diagnostics;
using Captions.Vision.Frames;
using Captions.Vision.Imaging;

namespace Captions.Vision.Tests.Frames;

public sealed class FfmpegCameraSourceTests
{
    // ffmpeg paces lavfi in real time with -re: a stand-in for a 30 fps camera (no video devices exist here).
    private static FrameSourceOptions TestCamera(string extra = "", int maxSide = 4096) => new()
    {
        CameraInputArguments = ["-re", "-f", "lavfi", "-i", $"testsrc2=size=320x240:rate=30{extra}"],
        MaxSide = maxSide,
    };

    [Fact]
    public async Task ReadAsync_SlowConsumer_KeepsOnlyTheNewestAndCountsDrops()
    {
        await using var camera = new FfmpegCameraSource("/dev/video0", TestCamera(), TimeProvider.System);
        using var timeout = FrameReading.Timeout();
        var frames = new List<ImageFrame>();
        long newestAtLeast = 0;

        await foreach (ImageFrame frame in camera.ReadAsync(timeout.Token))
        {
            // The frame waiting is the newest: at most the one being written is newer than it, and the pump counts a
            // frame just before writing it, hence the 2.
            frame.Sequence.Should().BeGreaterThanOrEqualTo(newestAtLeast);
            frames.Add(frame);
            if (frames.Count == 6)
            {
                break;
            }

            // A consumer slower than the camera (OCR): several frames arrive meanwhile.
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            newestAtLeast = camera.CapturedFrames - 2;
        }

        camera.IsLive.Should().BeTrue();
        camera.DroppedFrames.Should().BeGreaterThan(0);
        frames.Select(f => f.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        frames.Zip(frames.Skip(1), (a, b) => b.Sequence - a.Sequence).Should().Contain(gap => gap > 1);
        frames.Should().OnlyContain(f => f.Width == 320 && f.Height == 240);
        frames.Select(f => f.Timestamp).Should().BeInAscendingOrder();
        frames[0].Origin.Should().Be($"/dev/video0 frame {frames[0].Sequence}");

        // Delivered + dropped accounts for everything read, bar at most one frame waiting in the channel.
        (frames.Count + camera.DroppedFrames).Should().BeInRange(camera.CapturedFrames - 1, camera.CapturedFrames);

        // Dropped frames were never seen, so their buffers were refilled.
        camera.ReusedBuffers.Should().BeGreaterThan(0);
        frames.Select(f => f.Pixels).Should().OnlyHaveUniqueItems("a delivered frame's buffer is never reused");
    }

    [Fact]
    public async Task ReadAsync_MaxSideSmallerThanCamera_FramesScaledByFfmpeg()
    {
        await using var camera = new FfmpegCameraSource("/dev/video0", TestCamera(maxSide: 160), TimeProvider.System);
        using var timeout = FrameReading.Timeout();

        await foreach (ImageFrame frame in camera.ReadAsync(timeout.Token))
        {
            frame.Width.Should().Be(160);
            frame.Height.Should().Be(120);
            break;
        }
    }

    [Fact]
    public async Task ReadAsync_DeviceDoesNotExist_ThrowsNamingTheDevice()
    {
        await using var camera = new FfmpegCameraSource("/dev/video57", new FrameSourceOptions(), TimeProvider.System);

        Func<Task> act = () => FrameReading.ReadAllAsync(camera);

        await act.Should().ThrowAsync<FrameSourceException>().WithMessage("camera /dev/video57: no such device*");
    }

    [Fact]
    public async Task ReadAsync_FfmpegCannotOpenTheInput_ThrowsQuotingFfmpeg()
    {
        var options = new FrameSourceOptions { CameraInputArguments = ["-f", "v4l2", "-i", "/dev/null"] };
        await using var camera = new FfmpegCameraSource("/dev/null", options, TimeProvider.System);

        Func<Task> act = () => FrameReading.ReadAllAsync(camera);

        (await act.Should().ThrowAsync<FrameSourceException>().WithMessage("camera /dev/null could not be opened: *"))
            .Which.Message.Should().NotEndWith(": ");
    }

    [Fact]
    public async Task ReadAsync_FfmpegKilledMidStream_ThrowsStoppedAfterNFrames()
    {
        await using var camera = new FfmpegCameraSource("/dev/video0", TestCamera(), TimeProvider.System);
        using var timeout = FrameReading.Timeout();
        int received = 0;

        Func<Task> act = async () =>
        {
            await foreach (ImageFrame frame in camera.ReadAsync(timeout.Token))
            {
                if (++received == 3)
                {
                    // The camera disappears: its ffmpeg dies.
                    using var process = Process.GetProcessById(camera.ProcessId!.Value);
                    process.Kill();
                }
            }
        };

        var thrown = await act.Should().ThrowAsync<FrameSourceException>().WithMessage("camera /dev/video0 stopped after * frames: *");
        thrown.Which.Message.Should().Contain("killed by signal 9");
        received.Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task ReadAsync_TestInputEnds_StreamCompletesWithoutError()
    {
        await using var camera = new FfmpegCameraSource("/dev/video0", TestCamera(":duration=0.3"), TimeProvider.System);

        List<ImageFrame> frames = await FrameReading.ReadAllAsync(camera);

        frames.Should().NotBeEmpty();
        camera.CapturedFrames.Should().Be(9);
    }

    [Fact]
    public async Task DisposeAsync_WhileStreaming_KillsFfmpegAndReturns()
    {
        var camera = new FfmpegCameraSource("/dev/video0", TestCamera(), TimeProvider.System);
        using var timeout = FrameReading.Timeout();
        IAsyncEnumerator<ImageFrame> frames = camera.ReadAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        (await frames.MoveNextAsync().AsTask().WaitAsync(FrameReading.Deadline)).Should().BeTrue();
        int pid = camera.ProcessId!.Value;

        await camera.DisposeAsync().AsTask().WaitAsync(FrameReading.Deadline);

        camera.ProcessId.Should().BeNull();
        Action find = () =>
        {
            using var process = Process.GetProcessById(pid);
            process.HasExited.Should().BeTrue();
        };
        find.Should().Throw<ArgumentException>("the ffmpeg child is gone and reaped");
        await frames.DisposeAsync().AsTask().WaitAsync(FrameReading.Deadline);
    }

    [Fact]
    public async Task ReadAsync_SecondReader_Rejected()
    {
        await using var camera = new FfmpegCameraSource("/dev/video0", TestCamera(":duration=0.1"), TimeProvider.System);
        await FrameReading.ReadAllAsync(camera);

        Func<Task> again = () => FrameReading.ReadAllAsync(camera);

        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage("camera /dev/video0 is read once");
    }

    [Fact]
    public async Task Arguments_DefaultDevice_AreV4l2WithSizeAndRate()
    {
        var options = new FrameSourceOptions { CameraSize = (1280, 720), CameraRate = 30, MaxSide = 1280 };
        await using var camera = new FfmpegCameraSource("/dev/video2", options, TimeProvider.System);

        string arguments = string.Join(' ', camera.Arguments);

        arguments.Should().Contain("-f v4l2 -video_size 1280x720 -framerate 30 -i /dev/video2");
        arguments.Should().EndWith("-f rawvideo -pix_fmt rgb24 -");
    }
}
