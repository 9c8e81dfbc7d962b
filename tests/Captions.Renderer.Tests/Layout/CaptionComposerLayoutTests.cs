using Captions.Renderer.Drawing;
using Captions.Renderer.Layout;
using Captions.Renderer.Stereo;
using Captions.Renderer.Tests.Scene;
using Captions.TestKit.Rendering;

namespace Captions.Renderer.Tests.Layout;

public sealed class CaptionComposerLayoutTests
{
    private static readonly Rgba32 s_partial = CaptionStyle.Default.PartialColor;

    [Fact]
    public void Compose_DefaultStyleAt1080_BoxIs42AdvancesCentredInTheBottomThird()
    {
        var h = new ComposerHarness();

        h.Compose();

        var layout = h.Composer.Layout;
        layout.TextSize.Should().Be(49);
        layout.LineWidth.Should().Be(42 * MonospaceTextLayouter.Advance(49));
        layout.BoxX.Should().Be((1920 - layout.LineWidth) / 2);
        layout.BoxTop.Should().BeGreaterThan(1080 * 2 / 3, "captions sit in the bottom third");
        (layout.BoxTop + (2 * layout.RowHeight)).Should().BeLessThan(1080);
    }

    [Fact]
    public void Compose_PartialGrowsAndCommits_StableGlyphsKeepTheirPixels()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Partial(1, 0, "one two three fou", stableWords: 3));
        var first = h.NextFrame();
        var stable = first.Where(q => q.Color == Rgba32.White).ToArray();
        stable.Should().HaveCount("onetwothree".Length);

        h.Apply(TestLines.Partial(1, 1, "one two three four five six seven eight nine ten eleven twelve", stableWords: 4));
        var grown = h.NextFrame();
        h.Apply(TestLines.Committed(1, 2, "one two three four five six seven eight nine ten eleven twelve"));
        var committed = h.NextFrame();

        grown.Select(q => (q.Y, q.X)).Distinct().Count().Should().Be(grown.Length);
        grown.Take(stable.Length).Select(q => (q.X, q.Y)).Should().Equal(stable.Select(q => (q.X, q.Y)));
        committed.Take(stable.Length).Select(q => (q.X, q.Y)).Should().Equal(stable.Select(q => (q.X, q.Y)));
        committed.Select(q => q.Y).Distinct().Should().HaveCount(2, "the text wrapped into a second row below the first, which did not move");
        committed.Should().OnlyContain(q => q.Color == Rgba32.White);
    }

    [Fact]
    public void Compose_PartialTail_DimmerThanCommittedText()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Partial(1, 0, "settled words tentat", stableWords: 2));

        var quads = h.NextFrame();

        var committed = quads.Take("settledwords".Length).ToArray();
        var partial = quads.Skip("settledwords".Length).ToArray();
        committed.Should().OnlyContain(q => q.Color == Rgba32.White);
        partial.Should().HaveCount("tentat".Length).And.OnlyContain(q => q.Color == s_partial);
        Luma(s_partial).Should().BeLessThan(Luma(Rgba32.White) * 0.7);
    }

    [Fact]
    public void Compose_PartialTranslation_AllTentativeUntilCommitted()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        h.Apply(TestLines.Partial(1, 0, "hola mundo", stableWords: 2, translation: "hello world"));

        var quads = h.NextFrame();

        quads.Should().HaveCount("helloworld".Length).And.OnlyContain(q => q.Color == s_partial);
    }

    [Fact]
    public void Compose_LongText_AtMostTwoRowsOnScreen()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        h.Apply(TestLines.Committed(1, 0, string.Join(' ', Enumerable.Repeat("caption", 40))));

        var quads = h.Settle();

        quads.Select(q => q.Y).Distinct().Should().HaveCount(2);
        quads.Should().OnlyContain(q => q.X >= h.Composer.Layout.BoxX && q.X + q.Width <= h.Composer.Layout.BoxX + h.Composer.Layout.LineWidth);
    }

    [Fact]
    public void Compose_NewRowPushesTheOldestOut_RowsGlideUpInWholePixelStepsThenStop()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        var layout = h.Composer.Layout;
        var twoRows = string.Join(' ', Enumerable.Repeat("word", 12)); // 59 chars: rows of 42 + 17
        h.Apply(TestLines.Partial(1, 0, twoRows));
        var before = h.Settle();
        before.Select(q => q.Y).Distinct().Order().Should().Equal(layout.BoxTop, layout.BoxTop + layout.RowHeight);

        h.Apply(TestLines.Partial(1, 1, twoRows + " " + twoRows)); // three rows
        var bottoms = new List<int>();
        var frames = 0;
        do
        {
            var quads = h.NextFrame();
            bottoms.Add(quads.Max(q => q.Y));
            frames++;
        }
        while (h.LastChanged && frames < 200);

        bottoms[0].Should().Be(layout.BoxTop + (2 * layout.RowHeight), "the change shows at once, with every row still where it was and the new row just below");
        bottoms.Should().BeInDescendingOrder();
        bottoms.Distinct().Count().Should().BeGreaterThanOrEqualTo(10, "a 250 ms glide at 60 Hz takes ~15 frames, not one jump");
        bottoms[^1].Should().Be(layout.BoxTop + layout.RowHeight);
        frames.Should().BeLessThan(25, "the glide stops after ~250 ms and unchanged frames report no change");
        h.LastChanged.Should().BeFalse();
    }

    [Fact]
    public void Compose_RowLeavingAtTheTop_FadesAsItGlidesOut()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        var layout = h.Composer.Layout;
        var twoRows = string.Join(' ', Enumerable.Repeat("word", 12));
        h.Apply(TestLines.Partial(1, 0, twoRows));
        h.Settle();
        h.Apply(TestLines.Partial(1, 1, twoRows + " " + twoRows));

        h.NextFrame();
        h.Time.Advance(TimeSpan.FromMilliseconds(125));
        var midway = h.Compose();

        var leaving = midway.Where(q => q.Y < layout.BoxTop).ToArray();
        leaving.Should().NotBeEmpty();
        leaving.Should().OnlyContain(q => q.Color.A > 0 && q.Color.A < 255);
    }

    [Fact]
    public void Compose_SourceShownSmallerAboveTheTranslation()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Committed(1, 0, "hola mundo", translation: "hello world"));

        var quads = h.NextFrame();

        var layout = h.Composer.Layout;
        var source = quads.Where(q => q.Y < layout.BoxTop).ToArray();
        var translation = quads.Where(q => q.Y >= layout.BoxTop).ToArray();
        source.Should().HaveCount("holamundo".Length);
        translation.Should().HaveCount("helloworld".Length);
        source.Max(q => q.Height).Should().BeLessThan(translation.Min(q => q.Height));
        source.Max(q => q.Y + q.Height).Should().BeLessThanOrEqualTo(layout.BoxTop);
        source.Should().OnlyContain(q => q.Color == CaptionStyle.Default.SourceColor);
    }

    [Fact]
    public void Compose_ShowSourceFalse_OnlyTheTranslation()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        h.Apply(TestLines.Committed(1, 0, "hola mundo", translation: "hello world"));

        var quads = h.NextFrame();

        quads.Should().HaveCount("helloworld".Length).And.OnlyContain(q => q.Y >= h.Composer.Layout.BoxTop);
    }

    [Fact]
    public void Compose_Untranslated_SourceShownInTheUntranslatedColourWithoutASourceLine()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Committed(1, 0, "hola mundo", untranslated: true));

        var quads = h.NextFrame();

        quads.Should().HaveCount("holamundo".Length);
        quads.Should().OnlyContain(q => q.Color == CaptionStyle.Default.UntranslatedColor && q.Y >= h.Composer.Layout.BoxTop);
    }

    [Fact]
    public void Compose_BrightnessHalf_TextColourHalved()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { Brightness = 0.5 });
        h.Apply(TestLines.Committed(1, 0, "dim"));

        var quads = h.NextFrame();

        quads.Should().OnlyContain(q => q.Color == new Rgba32(128, 128, 128, 255));
    }

    [Theory]
    [InlineData(TextEffect.Shadow, 1)]
    [InlineData(TextEffect.Outline, 8)]
    public void Compose_Effect_DarkCopiesDrawnBeforeTheText(TextEffect effect, int copies)
    {
        var h = new ComposerHarness(CaptionStyle.Default with { Effect = effect });
        h.Apply(TestLines.Committed(1, 0, "edge"));

        var quads = h.NextFrame();

        quads.Should().HaveCount(4 * (copies + 1));
        quads.Take(4 * copies).Should().OnlyContain(q => q.Color == Rgba32.Black);
        quads.Skip(4 * copies).Should().OnlyContain(q => q.Color == Rgba32.White);
    }

    [Fact]
    public void Compose_DefaultEffect_NoDarkQuads()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Committed(1, 0, "edge"));

        h.NextFrame().Should().OnlyContain(q => q.Color == Rgba32.White);
    }

    [Fact]
    public void Compose_EyeOffsetsAndAtlasFromStereoAndLayouter()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Committed(1, 0, "depth"));

        h.NextFrame();

        h.Frame.Left.Should().Be(new EyeOffset(37, 0));
        h.Frame.Right.Should().Be(new EyeOffset(-37, 0));
        h.Frame.Atlas.Should().BeSameAs(h.Layouter.Atlas);
        h.Composer.Stereo.ShiftPixels.Should().Be(37);
    }

    [Fact]
    public void Compose_HugeCaption_DrawsTwoRowsOfItsEnd()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        var huge = string.Concat(Enumerable.Repeat("abcd ", 1000)); // 5,000 characters

        h.Apply(TestLines.Committed(1, 0, huge));
        var quads = h.Settle();

        quads.Select(q => q.Y).Distinct().Should().HaveCount(2);
        quads.Length.Should().BeLessThanOrEqualTo(2 * 42);
        h.Frame.Quads.Dropped.Should().Be(0);
    }

    [Fact]
    public void Compose_EmptyText_NothingDrawnNoError()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Partial(1, 0, string.Empty));

        var quads = h.NextFrame();

        quads.Should().BeEmpty();
    }

    [Fact]
    public void Compose_SameScene_SecondFrameReportsNoChange()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Committed(1, 0, "still"));
        h.NextFrame();
        h.LastChanged.Should().BeTrue();

        h.NextFrame();

        h.LastChanged.Should().BeFalse();
    }

    [Fact]
    public void Compose_TopLineExpires_RemainingRowGlidesUpRatherThanJumping()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        var layout = h.Composer.Layout;
        h.Apply(TestLines.Committed(1, 0, "first"));
        h.Apply(TestLines.Partial(2, 0, "second"));
        h.Settle().Select(q => q.Y).Distinct().Order().Should().Equal(layout.BoxTop, layout.BoxTop + layout.RowHeight);

        h.Time.Advance(TimeSpan.FromSeconds(7)); // line 1 reaches its 7 s maximum; line 2 is refreshed below
        h.Apply(TestLines.Partial(2, 1, "second"));
        var first = h.Compose();
        var settled = h.Settle();

        first.Should().HaveCount("second".Length).And.OnlyContain(q => q.Y == layout.BoxTop + layout.RowHeight);
        settled.Should().OnlyContain(q => q.Y == layout.BoxTop);
    }

    [Fact]
    public void Compose_LineWidthFraction_BoxIsThatShareOfTheEye()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { LineWidthFraction = 0.5 });

        h.Compose();

        h.Composer.Layout.LineWidth.Should().Be(960);
        h.Composer.Layout.BoxX.Should().Be(480);
    }

    [Fact]
    public void Compose_EyeSizeChanges_LayoutAndStereoFollow()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Committed(1, 0, "resize"));
        h.NextFrame();
        var small = new RenderFrame(1280, 720);

        h.Composer.Compose(h.Time.GetTimestamp(), small).Should().BeTrue();

        h.Composer.Layout.TextSize.Should().Be((int)Math.Round(720 * 0.045));
        small.Quads.Quads.ToArray().Should().OnlyContain(q => q.X >= 0 && q.X + q.Width <= 1280 && q.Y + q.Height <= 720);
        small.Left.X.Should().Be(StereoGeometry.Compute(new StereoOptions(), 1280).ShiftPixels);
    }

    [Fact]
    public void Compose_SteadyScene_LaidOutOnceUntilTheAtlasChanges()
    {
        var h = new ComposerHarness();
        h.Apply(TestLines.Committed(1, 0, "hola", translation: "hello"));
        h.NextFrame();
        h.NextFrame();
        var calls = h.Layouter.LayoutCalls;

        h.NextFrame();
        h.NextFrame();
        var steady = h.Layouter.LayoutCalls - calls;
        h.Layouter.Atlas.Blit(1000, 200, 2, 2, new byte[4], 2); // another text's glyph may have evicted ours
        h.NextFrame();

        steady.Should().Be(0);
        (h.Layouter.LayoutCalls - calls).Should().Be(2, "translation and source rows are laid out again");
    }

    [Fact]
    public void Compose_RightToLeftText_RightAlignedAndStableWordsKeepTheirPixels()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        h.Layouter.RightToLeft = true;
        var layout = h.Composer.Layout;
        h.Apply(TestLines.Partial(1, 0, "shalom olam", stableWords: 1));
        var first = h.NextFrame();

        h.Apply(TestLines.Partial(1, 1, "shalom olam tov meod", stableWords: 2));
        var grown = h.NextFrame();

        first.Max(q => q.X + q.Width).Should().Be(layout.BoxX + layout.LineWidth - 1, "right-to-left rows hug the right edge of the fixed box");
        var stable = first.Take("shalom".Length).Select(q => (q.X, q.Y)).ToArray();
        grown.Take("shalom".Length).Select(q => (q.X, q.Y)).Should().Equal(stable);
        grown.Min(q => q.X).Should().BeLessThan(first.Min(q => q.X), "new words grow towards the left");
    }

    [Fact]
    public void Compose_TranslatorExpectedAndTranslationPending_SourceLineOnlyThenTranslationInTheBox()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ExpectTranslation = true });
        var layout = h.Composer.Layout;
        h.Apply(TestLines.Partial(1, 0, "hola mun", stableWords: 1));
        var pending = h.NextFrame();

        h.Apply(TestLines.Partial(1, 1, "hola mundo", stableWords: 1, translation: "hello"));
        var translated = h.NextFrame();

        pending.Should().HaveCount("holamun".Length).And.OnlyContain(q => q.Y < layout.BoxTop, "the box does not flash source words before the translation");
        translated.Where(q => q.Y >= layout.BoxTop).Should().HaveCount("hello".Length);
        translated.Where(q => q.Y < layout.BoxTop).Should().HaveCount("holamundo".Length);
    }

    [Fact]
    public void Compose_TranslationSeenInTheScene_NewLineWaitsForItsTranslation()
    {
        var h = new ComposerHarness(CaptionStyle.Default with { ShowSource = false });
        h.Apply(TestLines.Committed(1, 0, "uno", translation: "one"));
        h.Apply(TestLines.Partial(2, 0, "dos"));

        var quads = h.NextFrame();

        quads.Should().HaveCount("one".Length);
        h.Present();
        var presented = new List<long>();
        while (h.Composer.Presented.Reader.TryRead(out var record))
        {
            presented.Add(record.LineId);
        }

        presented.Should().Equal(1L);
    }

    private static double Luma(Rgba32 c) => (0.2126 * c.R) + (0.7152 * c.G) + (0.0722 * c.B);
}
