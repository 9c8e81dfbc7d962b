using Captions.Renderer.Drawing;

namespace Captions.Renderer.OpenGL.Tests;

public sealed class RenderLoopTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RenderLoop_SteadyFrames_AllocateNothingOnTheRenderThread()
    {
        var composer = new CountingComposer(TestFrames.CreateAtlas());
        await using var loop = new RenderLoop(() => HeadlessRenderer.Create(160, 96), composer, new RenderLoopOptions { WarmupFrames = 30 });

        await loop.StartAsync().WaitAsync(s_timeout);
        await WaitUntilAsync(() => loop.FramesPresented >= 200);
        await loop.StopAsync().WaitAsync(s_timeout);

        loop.Completion.IsCompletedSuccessfully.Should().BeTrue();
        loop.SteadyStateAllocatedBytes.Should().Be(0, $"{loop.FramesPresented - 30} steady frames (compose, atlas sync, upload, draw, readback, present) must not allocate");
    }

    [Fact]
    public async Task RenderLoop_SourceNeverChanges_KeepsDrawingAndPresentingEveryFrame()
    {
        var composer = new CountingComposer(TestFrames.CreateAtlas());
        int readBack = 0;
        await using var loop = new RenderLoop(
            () => new ReadbackCounter(HeadlessRenderer.Create(64, 48), () => Interlocked.Increment(ref readBack)),
            composer);

        await loop.StartAsync().WaitAsync(s_timeout);
        await WaitUntilAsync(() => loop.FramesPresented >= 100);
        await loop.StopAsync().WaitAsync(s_timeout);

        loop.FramesChanged.Should().Be(1, "the scene changed only in the first frame");
        composer.Composed.Should().Be(loop.FramesPresented, "every frame asks the composer once, without waiting for new content");
        composer.Presented.Should().Be(loop.FramesPresented);
        Volatile.Read(ref readBack).Should().Be((int)loop.FramesPresented);
        composer.LastPresentedTimestamp.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task RenderLoop_FrameInterval_PacesFramesWithoutStallingStop()
    {
        var composer = new CountingComposer(TestFrames.CreateAtlas());
        await using var loop = new RenderLoop(
            () => HeadlessRenderer.Create(64, 48), composer, new RenderLoopOptions { FrameInterval = TimeSpan.FromSeconds(10) });

        await loop.StartAsync().WaitAsync(s_timeout);
        await WaitUntilAsync(() => loop.FramesPresented >= 1);
        await loop.StopAsync().WaitAsync(TimeSpan.FromSeconds(5));

        loop.FramesPresented.Should().Be(1, "the next frame is 10 s away; stop ends the wait at once");
    }

    [Fact]
    public async Task RenderLoop_TargetCannotBeCreated_StartFaultsWithThatException()
    {
        var composer = new CountingComposer(TestFrames.CreateAtlas());
        await using var loop = new RenderLoop(() => throw new GraphicsUnavailableException("no EGL here"), composer);

        var act = () => loop.StartAsync().WaitAsync(s_timeout);

        await act.Should().ThrowAsync<GraphicsUnavailableException>().WithMessage("no EGL here");
        composer.Composed.Should().Be(0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(s_timeout);
        while (!condition())
        {
            await Task.Delay(10, cts.Token);
        }
    }

    /// <summary>Counts read-back frames through the headless renderer's FrameReady hook.</summary>
    private sealed class ReadbackCounter : IFrameTarget
    {
        private readonly HeadlessRenderer _inner;

        public ReadbackCounter(HeadlessRenderer inner, Action onFrame)
        {
            _inner = inner;
            _inner.FrameReady = (_, _, _) => onFrame();
        }

        public int EyeWidth => _inner.EyeWidth;

        public int EyeHeight => _inner.EyeHeight;

        public bool IsClosed => false;

        public void Present(RenderFrame frame) => _inner.Present(frame);

        public void Dispose() => _inner.Dispose();
    }
}
