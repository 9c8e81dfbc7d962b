using Captions.Engine.Captioning;
using Captions.Engine.Timing;
using Captions.Renderer.Drawing;
using Captions.Renderer.Layout;
using Captions.Renderer.Scene;
using Captions.Renderer.Text;
using Captions.Renderer.Threading;
using Captions.TestKit.Time;

namespace Captions.Benchmarks.Rendering;

/// <summary>
/// The production caption path, all on the benchmark (render) thread: <see cref="CaptionSceneBuilder"/> (the
/// pipeline's end) publishes through the <see cref="TripleBuffer{T}"/> to a <see cref="CaptionComposer"/> over the
/// real <see cref="TextLayouter"/> (default font chain) with a 1024x1024 atlas (CaptionDisplayOptions.AtlasSize's
/// default), default <see cref="CaptionStyle"/> and stereo. The clock is manual: it moves only when a benchmark says,
/// so a steady scene never expires mid-measurement and roll-ups are the same on every run.
/// </summary>
internal sealed class CaptionRig : IDisposable
{
    public const int AtlasSize = 1024;

    private readonly TripleBuffer<CaptionScene> _scenes = new(() => new CaptionScene());
    private long _nextId = 1;

    /// <param name="fonts">Shared between rigs (opening WenQuanYi's 5 MB TTC once); the caller disposes it.</param>
    public CaptionRig(int eyeWidth, int eyeHeight, FontCollection fonts)
    {
        Layouter = new TextLayouter(new GlyphAtlas(AtlasSize, AtlasSize), fonts);
        Builder = new CaptionSceneBuilder(_scenes, Clock);
        Composer = new CaptionComposer(_scenes, Layouter, Clock);
        Frame = new RenderFrame(eyeWidth, eyeHeight);
    }

    public ManualTimeProvider Clock { get; } = new();

    public TextLayouter Layouter { get; }

    public CaptionSceneBuilder Builder { get; }

    public CaptionComposer Composer { get; }

    public RenderFrame Frame { get; }

    /// <summary>A new committed line (next id, version 1) with <paramref name="translation"/> under its source.</summary>
    public CaptionLine NewLine(string source, string? translation)
    {
        long now = Clock.GetTimestamp();
        return new CaptionLine(_nextId++, 1, CaptionState.Committed, source, TimeSpan.Zero, TimeSpan.Zero, [], new LatencyStamps(now, now, now, now, 0))
        {
            Translation = translation,
        };
    }

    public bool Compose() => Composer.Compose(Clock.GetTimestamp(), Frame);

    public void Dispose() => Layouter.Dispose();
}
