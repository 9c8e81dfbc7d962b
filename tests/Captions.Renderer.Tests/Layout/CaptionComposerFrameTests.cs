using Captions.Renderer.Drawing;
using Captions.Renderer.Layout;
using Captions.Renderer.Scene;
using Captions.Renderer.Tests.Scene;
using Captions.Renderer.Threading;
using Captions.TestKit.Diagnostics;
using Captions.TestKit.Rendering;

namespace Captions.Renderer.Tests.Layout;

public sealed class CaptionComposerFrameTests
{
    private static List<CaptionPresented> Drain(CaptionComposer composer)
    {
        var records = new List<CaptionPresented>();
        while (composer.Presented.Reader.TryRead(out var record))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public void OnPresented_EachLineVersionRecordedOnceWithItsStamps()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Partial(7, 0, "hello"));
        h.NextFrame();
        h.Present();
        var firstAt = h.Time.GetTimestamp();
        h.NextFrame();
        h.Present();

        h.Apply(TestLines.Partial(7, 1, "hello there"));
        h.NextFrame();
        h.Present();
        var secondAt = h.Time.GetTimestamp();

        var records = Drain(h.Composer);
        records.Select(r => (r.LineId, r.Version, r.PresentedAt)).Should().Equal((7L, 0, firstAt), (7L, 1, secondAt));
        records[0].Stamps.Should().Be(new Engine.Timing.LatencyStamps(1, 2, 3, 0, firstAt));
    }

    [Fact]
    public void OnPresented_LinesNotOnScreen_NotRecorded()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        h.Apply(TestLines.Committed(1, 0, "old line"));
        h.Apply(TestLines.Committed(2, 0, string.Join(' ', Enumerable.Repeat("new", 30)))); // 119 chars: 3 rows push line 1 out

        h.Settle();
        h.Present();

        Drain(h.Composer).Select(r => r.LineId).Should().Equal(2L);
    }

    [Fact]
    public void OnPresented_WithoutCompose_RecordsNothing()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Partial(1, 0, "hi"));

        h.Present();

        Drain(h.Composer).Should().BeEmpty();
    }

    [Fact]
    public void PresentedOutlet_Full_DropsOldestAndCounts()
    {
        var outlet = new CaptionPresentedOutlet(capacity: 4);

        for (var i = 0; i < 10; i++)
        {
            outlet.Write(new CaptionPresented(i, 0, i, default));
        }

        outlet.Dropped.Should().Be(6);
        outlet.Reader.TryRead(out var oldest).Should().BeTrue();
        oldest.LineId.Should().Be(6);
    }

    [Fact]
    public void Compose_SteadyScene_AllocatesNothing()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { Effect = TextEffect.Outline });
        h.Apply(TestLines.Partial(1, 0, "a steady line of partial text that wraps onto a second row", stableWords: 4, translation: "eine ruhige Zeile"));
        h.Builder.SetOverlays([new SignOverlay("Ausgang", "Exit", "Sign", 100, 100, 300, 100)]);
        var frame = new RenderFrame(1920, 1080);
        var timestamp = h.Time.GetTimestamp();

        var bytes = AllocationProbe.SteadyStateBytes(() =>
        {
            frame.Clear();
            h.Composer.Compose(timestamp++, frame);
            h.Composer.OnPresented(timestamp);
        });

        bytes.Should().Be(0);
        frame.Quads.Count.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Compose_NewVersionsReLaidAndRollingUp_AllocatesNothing()
    {
        var h = new ComposerHarness();
        var words = string.Join(' ', Enumerable.Repeat("word", 40));
        var versions = Enumerable.Range(0, 3000)
            .Select(v => TestLines.Partial(1, v, words[..(20 + (v % 150))], stableWords: 3, translation: words[..(20 + (v % 150))]))
            .ToArray();
        var frame = new RenderFrame(1920, 1080);
        var next = 0;
        var scrolling = 0;
        void Step()
        {
            h.Builder.Apply(versions[next++]);
            h.Time.Advance(ComposerHarness.FramePeriod);
            frame.Clear();
            h.Composer.Compose(h.Time.GetTimestamp(), frame);
            h.Composer.OnPresented(h.Time.GetTimestamp());
            scrolling += h.Composer.Presenter.IsScrolling(h.Time.GetTimestamp()) ? 1 : 0;
        }

        // Warm past the presented outlet's growth (1,024 records) so its queue is at full size.
        while (next < 1500)
        {
            Step();
        }

        var bytes = AllocationProbe.SteadyStateBytes(Step, iterations: 200);

        bytes.Should().Be(0);
        scrolling.Should().BeGreaterThan(0, "the text grew past two rows, so frames rolled up");
        frame.Quads.Count.Should().BeGreaterThan(0);
        h.Composer.Presented.Dropped.Should().BeGreaterThan(0, "nobody read the outlet, so the oldest records made room");
    }

    [Fact]
    public async Task Compose_ProducerThreadPublishing_RenderThreadNeverWaitsAndEndsOnTheNewestScene()
    {
        var buffer = new TripleBuffer<CaptionScene>(() => new CaptionScene());
        var builder = new CaptionSceneBuilder(buffer, TimeProvider.System);
        var layouter = new MonospaceTextLayouter();
        var composer = new CaptionComposer(buffer, layouter, TimeProvider.System);
        var frame = new RenderFrame(1280, 720);
        const int versions = 20_000;
        var lines = Enumerable.Range(0, versions).Select(v => TestLines.Partial(1 + (v / 100), v % 100, $"line {v / 100} version {v % 100}")).ToArray();
        using var done = new CancellationTokenSource();

        var producer = Task.Run(() =>
        {
            foreach (var line in lines)
            {
                builder.Apply(line);
            }
        });
        var renderer = Task.Factory.StartNew(
            () =>
            {
                long frames = 0;
                long backwards = 0;
                long last = 0;
                while (true)
                {
                    var finished = producer.IsCompleted;
                    frame.Clear();
                    composer.Compose(TimeProvider.System.GetTimestamp(), frame);
                    composer.OnPresented(TimeProvider.System.GetTimestamp());
                    backwards += composer.SceneSequence < last ? 1 : 0;
                    last = composer.SceneSequence;
                    frames++;
                    if (finished && last == builder.Published)
                    {
                        return (frames, backwards, last);
                    }
                }
            },
            TaskCreationOptions.LongRunning);

        await producer.WaitAsync(TimeSpan.FromSeconds(30));
        var (frameCount, backwardsCount, lastSequence) = await renderer.WaitAsync(TimeSpan.FromSeconds(30));

        backwardsCount.Should().Be(0);
        lastSequence.Should().Be(versions);
        frameCount.Should().BeGreaterThan(0);
        var quads = frame.Quads.Quads.ToArray();
        var bottom = quads.Max(q => q.Y);
        quads.Count(q => q.Y == bottom).Should().Be("line199version99".Length, "the bottom row is the newest version of the newest line");
    }
}
