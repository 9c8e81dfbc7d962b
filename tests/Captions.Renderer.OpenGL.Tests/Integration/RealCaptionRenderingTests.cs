using Captions.Engine.Captioning;
using Captions.Renderer.Drawing;
using Captions.Renderer.Layout;

namespace Captions.Renderer.OpenGL.Tests.Integration;

/// <summary>The real layouter + caption composer + headless GL together, at 1920x1080 per eye.</summary>
public sealed class RealCaptionRenderingTests
{
    private const string English = "We will meet at the station tomorrow morning.";
    private const string Spanish = "Nos veremos en la estación mañana por la mañana.";

    [Fact]
    public void Render_EnglishWithSpanishTranslation_MatchesCpuReferenceWithinTolerance()
    {
        using var harness = new RealCaptionHarness();
        harness.Builder.Apply(RealCaptionHarness.Committed(1, English, Spanish));
        var frame = harness.Settle();

        var gl = harness.RenderGl();
        var cpu = harness.RenderCpu();

        var comparison = FrameComparison.Compare(cpu, gl);
        comparison.MaxChannelDifference.Should().BeLessThanOrEqualTo(RealCaptionHarness.MaxChannelTolerance, $"GL vs CPU: {comparison}");
        comparison.DifferingFraction.Should().BeLessThanOrEqualTo(RealCaptionHarness.MaxDifferingFraction, $"GL vs CPU: {comparison}");
        frame.Quads.Count.Should().BeGreaterThan(60, "both the source and the translation are drawn glyph by glyph");
        FramePixels.NonBlack(gl).Should().BeGreaterThan(10_000, "two lines of 35-49 px text in two eyes");
    }

    [Fact]
    public void Render_RealTextAtDefaultDepth_RightEyeIsLeftEyeShiftedByTwiceTheDisparity()
    {
        using var harness = new RealCaptionHarness();
        harness.Builder.Apply(RealCaptionHarness.Committed(1, English, Spanish));
        harness.Settle();
        var pixels = harness.RenderGl();

        var d = harness.Composer.Stereo.ShiftPixels;
        d.Should().Be(37, "1920 px, 45 degrees, 63 mm, 2 m: f = 2317.6 px, d = 36.5 -> 37 px (StereoGeometry)");
        harness.Frame.Left.Should().Be(new EyeOffset(d, 0));
        harness.Frame.Right.Should().Be(new EyeOffset(-d, 0));
        const int eye = 1920;
        var stride = 2 * eye * 4;
        var shift = 2 * d;
        for (var y = 0; y < 1080; y++)
        {
            var left = pixels.AsSpan((y * stride) + (shift * 4), (eye - shift) * 4);
            var right = pixels.AsSpan((y * stride) + (eye * 4), (eye - shift) * 4);
            right.SequenceEqual(left).Should().BeTrue($"row {y} of the right eye must equal the left eye's shifted by {shift} px");
        }

        FramePixels.NonBlack(pixels).Should().BeGreaterThan(10_000);
    }

    [Fact]
    public void Render_PartialTailChanges_CommittedWordsKeepTheirPixelsAndTheTailIsDimmer()
    {
        using var harness = new RealCaptionHarness();
        var committed = harness.Style.Adjust(harness.Style.CommittedColor);
        var partial = harness.Style.Adjust(harness.Style.PartialColor);

        // Partial source lines without translation: the box shows the source, its first 3 words stable.
        harness.Builder.Apply(RealCaptionHarness.Line(7, 1, CaptionState.Partial, "We will meet at the station", stableWords: 3));
        var first = harness.Settle();
        var quads = first.Quads.Quads.ToArray();
        var committedBox = FramePixels.Bounds(quads, q => q.Color == committed, first.Left);
        var partialBox = FramePixels.Bounds(quads, q => q.Color == partial, first.Left);
        committedBox.IsEmpty.Should().BeFalse("'We will meet' is drawn in the committed colour");
        partialBox.IsEmpty.Should().BeFalse("'at the station' is drawn in the partial colour");
        quads.Count(q => q.Color == committed).Should().Be("Wewillmeet".Length, "one glyph per letter of the stable words");
        var before = harness.RenderGl();

        harness.Builder.Apply(RealCaptionHarness.Line(
            7, 2, CaptionState.Partial, "We will meet at noon near the old harbour gate by the blue fishing boats", stableWords: 3));
        var second = harness.Settle();
        var after = harness.RenderGl();

        FrameComparison.Compare(before, after).DifferingPixels.Should().BeGreaterThan(1000, "the tail changed and grew to a second row");
        second.Quads.Quads.ToArray().Count(q => q.Color == committed).Should().Be("Wewillmeet".Length);
        for (var eye = 0; eye < 2; eye++)
        {
            var box = eye == 0 ? committedBox : committedBox with { X = committedBox.X - first.Left.X + first.Right.X };
            FramePixels.Crop(after, 1920, eye, box).Should().Equal(FramePixels.Crop(before, 1920, eye, box), $"eye {eye}: committed words never move or change");
        }

        var committedMax = FramePixels.MaxChannel(before, 1920, 1080, 0, committedBox);
        var partialMax = FramePixels.MaxChannel(before, 1920, 1080, 0, partialBox);
        committedMax.Should().Be(255, "committed text is white at full coverage");
        partialMax.Should().BeLessThan(committedMax, "partial text is dimmer than committed").And.BeGreaterThan(60, "but still visible");
    }

    [Fact]
    public void Render_CodepointNoFontHas_DrawsAVisiblePlaceholder()
    {
        using var harness = new RealCaptionHarness();
        const string text = "A \U00013000 B"; // Egyptian hieroglyph A001: not in DejaVu, WenQuanYi or Loma

        harness.Builder.Apply(RealCaptionHarness.Committed(3, text));
        var frame = harness.Settle();
        var pixels = harness.RenderGl();

        var quads = frame.Quads.Quads.ToArray();
        quads.Should().HaveCount(3, "A, the placeholder and B");
        var sorted = quads.OrderBy(q => q.X).ToArray();
        var placeholder = new FramePixels.Rect(sorted[1].X + frame.Left.X, sorted[1].Y + frame.Left.Y, sorted[1].Width, sorted[1].Height);
        placeholder.IsEmpty.Should().BeFalse();
        FramePixels.NonBlackIn(pixels, 1920, 1080, 0, placeholder).Should().BeGreaterThan(2 * (placeholder.Width + placeholder.Height) / 2, "a hollow box is visible where the hieroglyph is");
        var comparison = FrameComparison.Compare(harness.RenderCpu(), pixels);
        comparison.MaxChannelDifference.Should().BeLessThanOrEqualTo(RealCaptionHarness.MaxChannelTolerance, $"{comparison}");
    }

    [Fact]
    public void Render_HugeAndEmptyCaptions_DrawWithoutThrowing()
    {
        using var harness = new RealCaptionHarness();
        var huge = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 90))[..5000];

        harness.Builder.Apply(RealCaptionHarness.Committed(1, huge, huge));
        var act = () => harness.Settle();
        act.Should().NotThrow();
        var hugePixels = harness.RenderGl();
        harness.Builder.Apply(RealCaptionHarness.Committed(2, string.Empty, string.Empty));
        harness.Builder.Apply(RealCaptionHarness.Line(3, 1, CaptionState.Partial, string.Empty));
        act.Should().NotThrow();
        var emptyPixels = harness.RenderGl();

        FramePixels.NonBlack(hugePixels).Should().BeGreaterThan(10_000, "the newest rows of the huge caption show");
        harness.Composer.Layout.ShownCount.Should().BeLessThanOrEqualTo(1, "empty lines draw no rows");
        var comparison = FrameComparison.Compare(harness.RenderCpu(), emptyPixels);
        comparison.MaxChannelDifference.Should().BeLessThanOrEqualTo(RealCaptionHarness.MaxChannelTolerance, $"{comparison}");
    }

    [Fact]
    public void Compose_FifteenHundredDistinctIdeographs_ShowsTheNewestRowsWithoutOverflowingTheAtlas()
    {
        // More distinct glyphs than a 1024 atlas holds at 49 px (~485): laid out whole, this threw GlyphAtlasFullException
        // out of Compose and would have stopped the render thread. Only the tail window is laid out now.
        using var harness = new RealCaptionHarness();
        var text = new string(Enumerable.Range(0, 1500).Select(i => (char)(0x4E00 + 300 + i)).ToArray());

        harness.Builder.Apply(RealCaptionHarness.Committed(1, text));
        var act = () => harness.Settle();

        act.Should().NotThrow();
        harness.Composer.AtlasOverflows.Should().Be(0);
        harness.Composer.Layout.ShownCount.Should().Be(1);
        var pixels = harness.RenderGl();
        FramePixels.NonBlack(pixels).Should().BeGreaterThan(10_000, "the newest rows show");
        var comparison = FrameComparison.Compare(harness.RenderCpu(), pixels);
        comparison.MaxChannelDifference.Should().BeLessThanOrEqualTo(RealCaptionHarness.MaxChannelTolerance, $"{comparison}");
        harness.Frame.Quads.Count.Should().BeInRange(20, 2 * 60, "two rows of ideographs, not the whole line");
    }

    [Fact]
    public void Render_TwoHundredUnseenIdeographsInASmallAtlas_MatchesCpuReferenceAndALargeAtlas()
    {
        // 512x512 holds ~100 ideographs of 49 px: ten captions of 20 new ones, one on screen at a time (the previous one
        // expired 10 s earlier), force evictions from the fifth caption on. (256 px throws GlyphAtlasFullException:
        // one 20-ideograph caption plus the 60 glyphs the pass pins do not fit.)
        using var small = new RealCaptionHarness(atlasSize: 512);
        using var large = new RealCaptionHarness(atlasSize: 2048);
        for (var c = 0; c < 10; c++)
        {
            var text = new string(Enumerable.Range(0, 20).Select(i => (char)(0x4E00 + 137 + (c * 20) + i)).ToArray());
            small.Time.Advance(TimeSpan.FromSeconds(10));
            large.Time.Advance(TimeSpan.FromSeconds(10));
            small.Builder.Apply(RealCaptionHarness.Committed(c + 1, text));
            large.Builder.Apply(RealCaptionHarness.Committed(c + 1, text));
            small.Settle();
            large.Settle();

            var gl = small.RenderGl();
            var cpu = small.RenderCpu();
            var reference = large.RenderGl();

            var comparison = FrameComparison.Compare(cpu, gl);
            comparison.MaxChannelDifference.Should().BeLessThanOrEqualTo(RealCaptionHarness.MaxChannelTolerance, $"caption {c}: GL vs CPU {comparison}");
            comparison.DifferingFraction.Should().BeLessThanOrEqualTo(RealCaptionHarness.MaxDifferingFraction, $"caption {c}: GL vs CPU {comparison}");
            FrameComparison.Compare(reference, gl).DifferingPixels.Should().Be(0, $"caption {c}: the same glyphs drawn from a 256 px atlas under eviction and a 2048 px one");
            FramePixels.NonBlack(gl).Should().BeGreaterThan(5000, $"caption {c} shows ideographs");
        }

        small.Layouter.Glyphs.Evictions.Should().BeGreaterThan(0, "the small atlas had to evict");
    }
}
