using Captions.Renderer.OpenGL.Hosting;

namespace Captions.Renderer.OpenGL.Tests.Integration;

/// <summary>CaptionDisplay with real text in GLFW windows under Xvfb (sbs and dual).</summary>
[Collection(WindowedCollection.Name)]
public sealed class CaptionDisplayWindowedTests
{
    [Theory]
    [InlineData(DisplayLayout.Sbs)]
    [InlineData(DisplayLayout.Dual)]
    public async Task StartAsync_UnderXvfb_PresentsRealCaptionFrames(DisplayLayout layout)
    {
        using var xvfb = XvfbServer.Start();
        var options = new CaptionDisplayOptions
        {
            Display = new DisplayOptions { Layout = layout, EyeWidth = 640, EyeHeight = 360, X11Display = xvfb.Display, VSync = false, RefreshHz = 60 },
        };

        await using var display = await CaptionDisplay.StartAsync(options).WaitAsync(TimeSpan.FromSeconds(60));
        display.Scenes.Apply(RealCaptionHarness.Committed(1, "Where is the station?", "¿Dónde está la estación? 车站在哪里？"));
        var presented = await display.Presented.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        var frames = display.FramesPresented;
        await CaptionDisplayIntegrationTests.WaitForFramesAsync(display, frames + 10);

        presented.LineId.Should().Be(1);
        display.FramesPresented.Should().BeGreaterThan(frames, "the render loop keeps presenting");
        display.FramesChanged.Should().BeGreaterThanOrEqualTo(1, "the caption changed at least one frame");
        display.Completion.IsCompleted.Should().BeFalse("no window closed and nothing failed");
    }
}
