using Captions.Renderer.Drawing;
using Captions.Renderer.Text;

namespace Captions.Renderer.OpenGL.Tests;

/// <summary>
/// A composer whose scene source never changes after the first frame: it draws the same ~200 glyph quads every frame
/// and records presents. Mimics a real composer's steady state (no allocation, no waiting).
/// </summary>
internal sealed class CountingComposer : IFrameComposer
{
    private readonly GlyphAtlas _atlas;
    private long _composed;
    private long _presented;
    private long _lastPresentedTimestamp;

    public CountingComposer(GlyphAtlas atlas) => _atlas = atlas;

    public long Composed => Interlocked.Read(ref _composed);

    public long Presented => Interlocked.Read(ref _presented);

    public long LastPresentedTimestamp => Interlocked.Read(ref _lastPresentedTimestamp);

    public bool Compose(long timestamp, RenderFrame frame)
    {
        frame.Atlas = _atlas;
        frame.Left = new EyeOffset(2, 0);
        frame.Right = new EyeOffset(-2, 0);
        for (int i = 0; i < 200; i++)
        {
            frame.Quads.Add(DrawQuad.Glyph(4 + (i % 20 * 7), 4 + (i / 20 * 8), 20, 24, 0, 16, Rgba32.White));
        }

        return Interlocked.Increment(ref _composed) == 1;
    }

    public void OnPresented(long timestamp)
    {
        Interlocked.Exchange(ref _lastPresentedTimestamp, timestamp);
        Interlocked.Increment(ref _presented);
    }
}
