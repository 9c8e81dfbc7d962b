namespace Captions.Renderer.Drawing;

/// <summary>
/// The quads of one frame, in draw order (later quads blend over earlier ones). Fixed capacity, reused every frame:
/// steady state allocates nothing. Quads past the capacity are dropped and counted (<see cref="Dropped"/>), never
/// grown into: 16384 quads is ~80 full caption lines of glyphs plus their outlines, far past any readable scene.
/// Threading model: owned by the render thread.
/// </summary>
public sealed class DrawList
{
    public const int DefaultCapacity = 16384;

    private readonly DrawQuad[] _quads;

    public DrawList(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _quads = new DrawQuad[capacity];
    }

    public int Count { get; private set; }

    public int Capacity => _quads.Length;

    /// <summary>Quads dropped because the list was full, since construction.</summary>
    public long Dropped { get; private set; }

    public ReadOnlySpan<DrawQuad> Quads => _quads.AsSpan(0, Count);

    public bool Add(in DrawQuad quad)
    {
        if (Count == _quads.Length)
        {
            Dropped++;
            return false;
        }

        _quads[Count++] = quad;
        return true;
    }

    public void Clear() => Count = 0;
}
