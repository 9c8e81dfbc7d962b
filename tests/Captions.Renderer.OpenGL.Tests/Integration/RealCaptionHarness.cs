using Captions.Engine.Captioning;
using Captions.Engine.Timing;
using Captions.Renderer.Drawing;
using Captions.Renderer.Imaging;
using Captions.Renderer.Layout;
using Captions.Renderer.Scene;
using Captions.Renderer.Stereo;
using Captions.Renderer.Text;
using Captions.Renderer.Threading;
using Captions.TestKit.Time;

namespace Captions.Renderer.OpenGL.Tests.Integration;

/// <summary>
/// The real caption path on one thread: scene builder -> triple buffer -> CaptionComposer over the real TextLayouter
/// (FreeType + HarfBuzz + FriBidi, the Debian font chain) -> HeadlessRenderer (EGL surfaceless) and the CPU reference,
/// with a manual clock so captions never expire mid-test. The GL context is current on the creating thread: create,
/// use and dispose in one test method.
/// </summary>
internal sealed class RealCaptionHarness : IDisposable
{
    /// <summary>The GL-vs-CPU tolerance documented in HeadlessRendererTests (llvmpipe's sRGB encode rounding: max 1 level measured).</summary>
    public const int MaxChannelTolerance = 2;

    public const double MaxDifferingFraction = 0.15;

    private HeadlessRenderer? _renderer;

    public RealCaptionHarness(int eyeWidth = 1920, int eyeHeight = 1080, int atlasSize = 1024, CaptionStyle? style = null, StereoOptions? stereo = null)
    {
        foreach (var font in FontCollection.DefaultChain)
        {
            File.Exists(font.Path).Should().BeTrue($"font {font.Path} ({font.Package}) is needed: run ./scripts/bootstrap.sh");
        }

        Fonts = new FontCollection();
        Layouter = new TextLayouter(new GlyphAtlas(atlasSize, atlasSize), Fonts);
        Buffer = new TripleBuffer<CaptionScene>(() => new CaptionScene());
        Builder = new CaptionSceneBuilder(Buffer, Time);
        Style = style ?? CaptionStyle.Default;
        Composer = new CaptionComposer(Buffer, Layouter, Time, Style, stereo);
        Frame = new RenderFrame(eyeWidth, eyeHeight);
    }

    public ManualTimeProvider Time { get; } = new();

    public FontCollection Fonts { get; }

    public TextLayouter Layouter { get; }

    public TripleBuffer<CaptionScene> Buffer { get; }

    public CaptionSceneBuilder Builder { get; }

    public CaptionStyle Style { get; }

    public CaptionComposer Composer { get; }

    public RenderFrame Frame { get; }

    public HeadlessRenderer Renderer => _renderer ??= HeadlessRenderer.Create(Frame.EyeWidth, Frame.EyeHeight);

    public int BufferSize => CpuReferenceRenderer.BufferSize(Frame);

    public static CaptionLine Line(long id, int version, CaptionState state, string text, string? translation = null, int stableWords = 0) =>
        new(id, version, state, text, TimeSpan.Zero, TimeSpan.FromSeconds(2), [], default(LatencyStamps))
        {
            Translation = translation,
            StableWords = stableWords,
        };

    public static CaptionLine Committed(long id, string text, string? translation = null) => Line(id, 1, CaptionState.Committed, text, translation);

    /// <summary>Composes one frame at the current time (advancing 1/60 s first).</summary>
    public RenderFrame Compose()
    {
        Time.Advance(TimeSpan.FromTicks(166_667));
        Frame.Clear();
        Frame.ContentChanged = Composer.Compose(Time.GetTimestamp(), Frame);
        return Frame;
    }

    /// <summary>Composes frames until the roll-up animation settles, then returns the settled frame.</summary>
    public RenderFrame Settle()
    {
        Compose();
        for (var i = 0; i < 120 && Composer.Presenter.IsScrolling(Time.GetTimestamp()); i++)
        {
            Compose();
        }

        return Compose();
    }

    /// <summary>Draws the current frame with GL and reads it back (both eyes side by side, RGBA, top row first).</summary>
    public byte[] RenderGl()
    {
        var pixels = new byte[BufferSize];

        // Each HeadlessRenderer has its own EGL context, current where it was last made current: a test with two
        // harnesses on one thread must switch, or it draws into the other harness's framebuffer.
        Renderer.MakeCurrent();
        Renderer.Render(Frame, pixels);
        return pixels;
    }

    public byte[] RenderCpu()
    {
        var pixels = new byte[BufferSize];
        CpuReferenceRenderer.Render(Frame, pixels);
        return pixels;
    }

    public void Save(string path, byte[] pixels) => PngWriter.WriteFile(path, pixels, 2 * Frame.EyeWidth, Frame.EyeHeight);

    public void Dispose()
    {
        _renderer?.Dispose();
        Layouter.Dispose();
        Fonts.Dispose();
    }
}
