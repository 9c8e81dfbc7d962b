using Captions.Engine.Captioning;
using Captions.Renderer.Drawing;
using Captions.Renderer.Layout;
using Captions.Renderer.Scene;
using Captions.Renderer.Stereo;
using Captions.Renderer.Threading;
using Captions.TestKit.Time;
using Captions.TestKit.Rendering;

namespace Captions.Renderer.Tests.Layout;

/// <summary>
/// A scene builder and a caption composer over one triple buffer, on a 1920x1080 eye, with the monospace layouter and
/// a manual clock. With the default style: text 49 px (advance 24 px, row 59 px), box 42 x 24 = 1008 px wide at
/// x = 456, rows at y = 876 and 935; source 35 px (advance 17, row 43 px) at y = 823.
/// </summary>
internal sealed class ComposerHarness
{
    public const int EyeWidth = 1920;
    public const int EyeHeight = 1080;

    /// <summary>60 Hz.</summary>
    public static readonly TimeSpan FramePeriod = TimeSpan.FromTicks(166_667);

    public ComposerHarness(CaptionStyle? style = null, StereoOptions? stereo = null)
    {
        Style = style ?? CaptionStyle.Default;
        Buffer = new TripleBuffer<CaptionScene>(() => new CaptionScene());
        Builder = new CaptionSceneBuilder(Buffer, Time);
        Composer = new CaptionComposer(Buffer, Layouter, Time, Style, stereo);
    }

    public ManualTimeProvider Time { get; } = new();

    public MonospaceTextLayouter Layouter { get; } = new();

    public CaptionStyle Style { get; }

    public TripleBuffer<CaptionScene> Buffer { get; }

    public CaptionSceneBuilder Builder { get; }

    public CaptionComposer Composer { get; }

    public RenderFrame Frame { get; } = new(EyeWidth, EyeHeight);

    public bool LastChanged { get; private set; }

    public void Apply(CaptionLine line) => Builder.Apply(line);

    /// <summary>Composes a frame now and returns a copy of its quads.</summary>
    public DrawQuad[] Compose()
    {
        Frame.Clear();
        LastChanged = Composer.Compose(Time.GetTimestamp(), Frame);
        return Frame.Quads.Quads.ToArray();
    }

    /// <summary>Advances one 60 Hz frame period, then composes.</summary>
    public DrawQuad[] NextFrame()
    {
        Time.Advance(FramePeriod);
        return Compose();
    }

    public void Present() => Composer.OnPresented(Time.GetTimestamp());

    /// <summary>Composes frames until the roll-up settles (at most 2 s) and returns the settled quads.</summary>
    public DrawQuad[] Settle()
    {
        var quads = NextFrame();
        for (var i = 0; i < 120 && Composer.Presenter.IsScrolling(Time.GetTimestamp()); i++)
        {
            quads = NextFrame();
        }

        return NextFrame();
    }
}
