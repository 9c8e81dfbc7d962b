using Captions.Renderer.Drawing;
using Captions.Renderer.Scene;
using Captions.Renderer.Stereo;
using Captions.Renderer.Text;
using Captions.Renderer.Threading;

namespace Captions.Renderer.Layout;

/// <summary>
/// The caption <see cref="IFrameComposer"/>: each frame takes the newest scene from the triple buffer (never
/// waiting), asks the presenter what is on screen, lays it out, adds sign overlays and sets each eye's offset from
/// the stereo geometry. Compose returns false when the quads and offsets equal the previous frame's, so renderers may
/// skip work. When a presented frame showed a caption line version for the first time, <see cref="OnPresented"/>
/// writes a <see cref="CaptionPresented"/> record to <see cref="Presented"/> for the harness.
/// Steady frames (same scene, or the same text re-laid) allocate nothing.
/// Threading model: constructed anywhere; every other member on the render thread only.
/// </summary>
public sealed class CaptionComposer : IFrameComposer
{
    /// <summary>Line ids whose presented version is remembered (a scene holds at most 8 lines).</summary>
    private const int PresentedMemory = 32;

    private readonly TripleBuffer<CaptionScene> _scenes;
    private readonly ITextLayouter _layouter;
    private readonly StereoOptions _stereoOptions;
    private readonly CaptionPresenter _presenter;
    private readonly CaptionLayout _layout;
    private readonly OverlayLayout _overlays;
    private readonly int[] _visible = new int[CaptionScene.LineCapacity];
    private readonly SceneLine[] _composedLines = new SceneLine[CaptionScene.LineCapacity];
    private readonly long[] _presentedIds = new long[PresentedMemory];
    private readonly int[] _presentedVersions = new int[PresentedMemory];
    private DrawQuad[] _previous = [];
    private int _previousCount = -1;
    private EyeOffset _previousLeft;
    private EyeOffset _previousRight;
    private int _composedCount;
    private int _presentedNext;
    private int _presentedCount;

    public CaptionComposer(
        TripleBuffer<CaptionScene> scenes,
        ITextLayouter layouter,
        TimeProvider timeProvider,
        CaptionStyle? style = null,
        StereoOptions? stereo = null,
        CaptionPresentedOutlet? presented = null)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        ArgumentNullException.ThrowIfNull(layouter);
        ArgumentNullException.ThrowIfNull(timeProvider);
        style ??= CaptionStyle.Default;
        _stereoOptions = stereo ?? new StereoOptions();
        StereoGeometry.Validate(_stereoOptions);
        _scenes = scenes;
        _layouter = layouter;
        _presenter = new CaptionPresenter(style, timeProvider);
        _layout = new CaptionLayout(layouter, style);
        _overlays = new OverlayLayout(layouter, style);
        Presented = presented ?? new CaptionPresentedOutlet();
    }

    public CaptionPresentedOutlet Presented { get; }

    /// <summary>The stereo geometry of the eye size last composed (default before the first frame).</summary>
    public StereoGeometry Stereo { get; private set; }

    public CaptionLayout Layout => _layout;

    public CaptionPresenter Presenter => _presenter;

    /// <summary>Frames whose text did not fit the glyph atlas (drawn partly); see <see cref="GlyphAtlasFullException"/>.</summary>
    public long AtlasOverflows { get; private set; }

    /// <summary>Sequence of the scene drawn by the last frame (0 before any scene arrived).</summary>
    public long SceneSequence { get; private set; }

    public bool Compose(long timestamp, RenderFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.EyeWidth != _layout.EyeWidth || frame.EyeHeight != _layout.EyeHeight)
        {
            Configure(frame);
        }

        _scenes.TryAcquireLatest(out var scene);
        SceneSequence = scene.Sequence;
        var count = _presenter.SelectVisible(scene, timestamp, _visible);

        // Rows laid out in earlier frames are reused, so they are not pinned by this frame's pass: if this frame's new
        // glyphs evicted one of theirs (the atlas generation moved), build once more. The atlas version moved too, so
        // the second build lays out every row inside one pass, where nothing it placed can be evicted.
        var atlas = _layouter.Atlas;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var generation = atlas.Generation;
            _layouter.BeginFrame();
            frame.Quads.Clear();
            try
            {
                _layout.Build(scene, _visible.AsSpan(0, count), _presenter, timestamp, frame.Quads);
                _overlays.Build(scene, frame.Quads);
            }
            catch (GlyphAtlasFullException)
            {
                // One frame's text needs more distinct glyphs than the atlas holds (long lines are windowed, so only
                // many large overlays get here): show what fitted rather than stop the render thread, and count it.
                AtlasOverflows++;
            }

            if (atlas.Generation == generation)
            {
                break;
            }
        }
        frame.Atlas = _layouter.Atlas;
        frame.Left = Stereo.Left;
        frame.Right = Stereo.Right;

        var lines = scene.Lines;
        _composedCount = 0;
        foreach (var index in _layout.ShownLines)
        {
            _composedLines[_composedCount++] = lines[index];
        }

        return Changed(frame);
    }

    public void OnPresented(long timestamp)
    {
        for (var i = 0; i < _composedCount; i++)
        {
            ref readonly var line = ref _composedLines[i];
            if (MarkPresented(line.Id, line.Version))
            {
                Presented.Write(new CaptionPresented(line.Id, line.Version, timestamp, line.Stamps.WithPresented(timestamp)));
            }
        }
    }

    private void Configure(RenderFrame frame)
    {
        Stereo = StereoGeometry.Compute(_stereoOptions, frame.EyeWidth);
        _layout.Configure(frame.EyeWidth, frame.EyeHeight);
        _overlays.Configure(frame.EyeWidth, frame.EyeHeight);
        _presenter.ResetScroll();
        if (_previous.Length < frame.Quads.Capacity)
        {
            _previous = new DrawQuad[frame.Quads.Capacity];
        }

        _previousCount = -1;
    }

    /// <summary>True when this version of the line was not presented before (and remembers it).</summary>
    private bool MarkPresented(long id, int version)
    {
        for (var i = 0; i < _presentedCount; i++)
        {
            if (_presentedIds[i] == id)
            {
                if (_presentedVersions[i] >= version)
                {
                    return false;
                }

                _presentedVersions[i] = version;
                return true;
            }
        }

        // Oldest entry makes room: lines only come back within a scene's life, far shorter than 32 lines.
        _presentedIds[_presentedNext] = id;
        _presentedVersions[_presentedNext] = version;
        _presentedNext = (_presentedNext + 1) % PresentedMemory;
        _presentedCount = Math.Min(_presentedCount + 1, PresentedMemory);
        return true;
    }

    private bool Changed(RenderFrame frame)
    {
        var quads = frame.Quads.Quads;
        var changed = _previousCount != quads.Length || frame.Left != _previousLeft || frame.Right != _previousRight;
        for (var i = 0; !changed && i < quads.Length; i++)
        {
            changed = !Same(quads[i], _previous[i]);
        }

        if (changed)
        {
            if (_previous.Length < quads.Length)
            {
                _previous = new DrawQuad[frame.Quads.Capacity]; // a bigger frame than the one configured: once
            }

            quads.CopyTo(_previous);
            _previousCount = quads.Length;
            _previousLeft = frame.Left;
            _previousRight = frame.Right;
        }

        return changed;
    }

    private static bool Same(in DrawQuad a, in DrawQuad b) =>
        a.X == b.X && a.Y == b.Y && a.Width == b.Width && a.Height == b.Height && a.AtlasX == b.AtlasX && a.AtlasY == b.AtlasY
        && a.Color == b.Color && a.Kind == b.Kind;
}
