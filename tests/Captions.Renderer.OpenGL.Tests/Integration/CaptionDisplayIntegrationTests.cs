using System.Diagnostics;
using Captions.Engine.Captioning;
using Captions.Renderer.OpenGL.Hosting;

namespace Captions.Renderer.OpenGL.Tests.Integration;

/// <summary>CaptionDisplay end to end with the real layouter: render thread, presented records, PNG recording.</summary>
public sealed class CaptionDisplayIntegrationTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private static CaptionDisplayOptions Headless(string? pngDirectory = null) => new()
    {
        Display = new DisplayOptions { Layout = DisplayLayout.Headless, EyeWidth = 640, EyeHeight = 360, RefreshHz = 60 },
        PngDirectory = pngDirectory,
    };

    [Fact]
    public async Task StartAsync_RealCaptionHeadless_SteadyFramesAllocateNothingAndPresentedIsReported()
    {
        await using var display = await CaptionDisplay.StartAsync(Headless()).WaitAsync(s_timeout);
        var appliedAt = TimeProvider.System.GetTimestamp();

        // A partial line (7 s maximum display) with an unseen translation: layout and atlas work land in warm-up.
        display.Scenes.Apply(RealCaptionHarness.Line(42, 3, CaptionState.Partial, "We will meet at the station", "Nos vemos en la estación", stableWords: 2));
        var presented = await display.Presented.Reader.ReadAsync().AsTask().WaitAsync(s_timeout);
        await WaitForFramesAsync(display, 30 + 60);

        presented.LineId.Should().Be(42);
        presented.Version.Should().Be(3);
        presented.PresentedAt.Should().BeGreaterThanOrEqualTo(appliedAt, "a caption is presented after it was applied");
        presented.Stamps.Presented.Should().Be(presented.PresentedAt);
        display.SteadyStateAllocatedBytes.Should().Be(0, "steady frames with the real layouter allocate nothing");
        display.Completion.IsFaulted.Should().BeFalse();
    }

    [Fact]
    public async Task StartAsync_PngDirectory_RecordsDistinctFramesOfBothEyes()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"captions-png-{Guid.NewGuid():N}");
        try
        {
            long dropped;
            await using (var display = await CaptionDisplay.StartAsync(Headless(directory)).WaitAsync(s_timeout))
            {
                display.Scenes.Apply(RealCaptionHarness.Committed(1, "Good morning", "Buenos días"));
                await WaitPresentedAsync(display, 1);
                display.Scenes.Apply(RealCaptionHarness.Committed(2, "The train leaves at noon", "El tren sale a mediodía"));
                await WaitPresentedAsync(display, 2);
                await WaitForFramesAsync(display, display.FramesPresented + 5);
                dropped = display.FramesDropped;
            }

            dropped.Should().Be(0, "three buffers ride out two changes at 640x360");
            var files = Directory.GetFiles(directory, "*.png").Order().ToArray();
            files.Length.Should().BeGreaterThanOrEqualTo(2);
            var decoded = new List<byte[]>();
            foreach (var file in files)
            {
                var rgba = await DecodeAsync(file).WaitAsync(s_timeout);
                rgba.Length.Should().Be(2 * 640 * 360 * 4, $"{file} is 1280x360 RGBA");
                decoded.Add(rgba);
            }

            decoded.Select(Convert.ToHexString).Distinct().Count().Should().BeGreaterThanOrEqualTo(2, "the two captions give different frames");
            decoded.Should().Contain(d => FramePixels.NonBlack(d) > 500, "caption text is visible in a recorded frame");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static async Task WaitForFramesAsync(CaptionDisplay display, long frames)
    {
        var waited = Stopwatch.StartNew();
        while (display.FramesPresented < frames)
        {
            display.Completion.IsFaulted.Should().BeFalse(display.Completion.Exception?.ToString());
            waited.Elapsed.Should().BeLessThan(s_timeout, $"the render loop reached {display.FramesPresented} of {frames} frames");
            await Task.Delay(20);
        }
    }

    private static async Task WaitPresentedAsync(CaptionDisplay display, long id)
    {
        while (true)
        {
            var record = await display.Presented.Reader.ReadAsync().AsTask().WaitAsync(s_timeout);
            if (record.LineId == id)
            {
                return;
            }
        }
    }

    /// <summary>Decodes a PNG with ffmpeg into raw RGBA (an independent decoder, not our writer's twin).</summary>
    private static async Task<byte[]> DecodeAsync(string path)
    {
        File.Exists("/usr/bin/ffmpeg").Should().BeTrue("ffmpeg decodes the recorded PNGs: run ./scripts/bootstrap.sh");
        var start = new ProcessStartInfo("/usr/bin/ffmpeg")
        {
            ArgumentList = { "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgba", "-" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"ffmpeg decodes {path}: {await errors}");
        return output.ToArray();
    }
}
