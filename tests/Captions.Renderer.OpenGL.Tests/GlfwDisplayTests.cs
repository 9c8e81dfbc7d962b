using Captions.Renderer.Drawing;
using Captions.Renderer.OpenGL.Glfw;

namespace Captions.Renderer.OpenGL.Tests;

[Collection(WindowedCollection.Name)]
public sealed class GlfwDisplayTests
{
    private const int EyeWidth = 320;
    private const int EyeHeight = 200;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Open_DisplayWithNoServer_ThrowsGraphicsUnavailableNamingTheDisplay()
    {
        string display = $":{XvfbServer.FreeDisplayNumber()}";

        var act = () => RunOnOwnThreadAsync(() => GlfwDisplay.Open(new DisplayOptions { X11Display = display }).Dispose());

        (await act.Should().ThrowAsync<GraphicsUnavailableException>()).WithMessage($"*'{display}'*--display png:DIR*");
    }

    [Fact]
    public async Task SideBySide_UnderXvfb_DrawsBothEyesInOneWindowWithTheDisparity()
    {
        using var xvfb = XvfbServer.Start();
        var options = new DisplayOptions { Layout = DisplayLayout.Sbs, EyeWidth = EyeWidth, EyeHeight = EyeHeight, X11Display = xvfb.Display, VSync = false };

        var windows = await RunOnOwnThreadAsync(() => RenderWindows(options, expectedWindows: 1)).WaitAsync(s_timeout);

        var pixels = windows[0];
        pixels.Length.Should().Be(2 * EyeWidth * EyeHeight * 4);
        AssertEyesShifted(pixels, 2 * EyeWidth * 4, 0, EyeWidth * 4, pixels, 2 * EyeWidth * 4);

        // The window's framebuffer is sRGB-capable under Xvfb too, so it matches the CPU reference like headless output.
        var frame = new RenderFrame(EyeWidth, EyeHeight);
        new CountingComposer(TestFrames.CreateAtlas()).Compose(0, frame);
        var reference = new byte[CpuReferenceRenderer.BufferSize(frame)];
        CpuReferenceRenderer.Render(frame, reference);
        var comparison = FrameComparison.Compare(reference, pixels);
        comparison.MaxChannelDifference.Should().BeLessThanOrEqualTo(2, $"{comparison}");
    }

    [Fact]
    public async Task Dual_UnderXvfb_DrawsOneEyePerWindowWithTheDisparity()
    {
        using var xvfb = XvfbServer.Start();
        var options = new DisplayOptions { Layout = DisplayLayout.Dual, EyeWidth = EyeWidth, EyeHeight = EyeHeight, X11Display = xvfb.Display, VSync = false };

        var windows = await RunOnOwnThreadAsync(() => RenderWindows(options, expectedWindows: 2)).WaitAsync(s_timeout);

        windows[0].Length.Should().Be(EyeWidth * EyeHeight * 4);
        windows[1].Length.Should().Be(EyeWidth * EyeHeight * 4);
        AssertEyesShifted(windows[0], EyeWidth * 4, 0, 0, windows[1], EyeWidth * 4);
    }

    [Fact]
    public async Task Mono_UnderXvfb_DrawsTheLeftEyeInAnEyeSizedWindow()
    {
        using var xvfb = XvfbServer.Start();
        var options = new DisplayOptions { Layout = DisplayLayout.Mono, EyeWidth = EyeWidth, EyeHeight = EyeHeight, X11Display = xvfb.Display, VSync = false };

        var windows = await RunOnOwnThreadAsync(() => RenderWindows(options, expectedWindows: 1)).WaitAsync(s_timeout);

        // Same pixels as the left half of the CPU reference's side-by-side frame.
        var frame = new RenderFrame(EyeWidth, EyeHeight);
        new CountingComposer(TestFrames.CreateAtlas()).Compose(0, frame);
        var reference = new byte[CpuReferenceRenderer.BufferSize(frame)];
        CpuReferenceRenderer.Render(frame, reference);
        var leftEye = new byte[EyeWidth * EyeHeight * 4];
        for (int y = 0; y < EyeHeight; y++)
        {
            reference.AsSpan(y * EyeWidth * 8, EyeWidth * 4).CopyTo(leftEye.AsSpan(y * EyeWidth * 4));
        }

        windows[0].Length.Should().Be(leftEye.Length);
        var comparison = FrameComparison.Compare(leftEye, windows[0]);
        comparison.MaxChannelDifference.Should().BeLessThanOrEqualTo(2, $"{comparison}");
    }

    /// <summary>The composer puts the left eye at +2 px and the right at -2 px: right x shows left x + 4.</summary>
    private static void AssertEyesShifted(byte[] left, int leftStride, int leftStart, int rightStart, byte[] right, int rightStride)
    {
        int lit = 0;
        for (int y = 0; y < EyeHeight; y++)
        {
            var l = left.AsSpan((y * leftStride) + leftStart + (4 * 4), (EyeWidth - 4) * 4);
            var r = right.AsSpan((y * rightStride) + rightStart, (EyeWidth - 4) * 4);
            r.SequenceEqual(l).Should().BeTrue($"row {y}: the right eye is the left eye shifted by 4 px");
            for (int i = 0; i < l.Length; i += 4)
            {
                lit += l[i] > 200 ? 1 : 0;
            }
        }

        lit.Should().BeGreaterThan(5000, "200 white glyph quads are drawn");
    }

    /// <summary>Opens the windows, renders ~10 frames on a render thread while pumping events here, returns each window's last pixels.</summary>
    private static byte[][] RenderWindows(DisplayOptions options, int expectedWindows)
    {
        // Pre-sized copies, so the readback hook allocates nothing and the loop's allocation count stays meaningful.
        int windowWidth = options.Layout == DisplayLayout.Sbs ? 2 * options.EyeWidth : options.EyeWidth;
        var captured = new byte[expectedWindows][];
        for (int i = 0; i < expectedWindows; i++)
        {
            captured[i] = new byte[windowWidth * options.EyeHeight * 4];
        }

        var capturedCount = new int[expectedWindows];
        using var display = GlfwDisplay.Open(options);
        display.WindowCount.Should().Be(expectedWindows);
        var composer = new CountingComposer(TestFrames.CreateAtlas());
        var loop = new RenderLoop(
            () => display.CreateTarget((window, rgba, _, _) =>
            {
                lock (captured)
                {
                    rgba.CopyTo(captured[window]);
                    capturedCount[window]++;
                }
            }),
            composer,
            new RenderLoopOptions { FrameInterval = TimeSpan.FromMilliseconds(5), WarmupFrames = 5 });
        using var stopped = new ManualResetEventSlim();
        var deadline = DateTime.UtcNow + s_timeout;
        _ = loop.StartAsync();
        while (loop.FramesPresented < 10 && !loop.Completion.IsCompleted && DateTime.UtcNow < deadline)
        {
            display.PumpEvents(TimeSpan.FromMilliseconds(10));
        }

        loop.StopAsync().ContinueWith(_ => stopped.Set(), TaskScheduler.Default);
        while (!stopped.IsSet && DateTime.UtcNow < deadline)
        {
            display.PumpEvents(TimeSpan.FromMilliseconds(10));
        }

        if (loop.Completion.IsFaulted)
        {
            throw loop.Completion.Exception!.InnerException!;
        }

        loop.FramesPresented.Should().BeGreaterThanOrEqualTo(10);
        loop.SteadyStateAllocatedBytes.Should().Be(0, "windowed frames (make current, upload, draw, read back, swap) allocate nothing either");
        lock (captured)
        {
            capturedCount.Should().OnlyContain(c => c >= 10, "every window is read back every frame");
            return captured;
        }
    }

    /// <summary>GLFW wants one thread for init, windows and events: run the whole scenario on a dedicated one.</summary>
    private static Task<T> RunOnOwnThreadAsync<T>(Func<T> body)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                result.SetResult(body());
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        })
        { IsBackground = true, Name = "GLFW main" };
        thread.Start();
        return result.Task;
    }

    private static Task RunOnOwnThreadAsync(Action body) => RunOnOwnThreadAsync(() =>
    {
        body();
        return 0;
    });
}
