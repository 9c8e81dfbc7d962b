namespace Captions.Renderer.Scene;

/// <summary>
/// The snapshot the pipeline hands to the render thread through a <c>TripleBuffer&lt;CaptionScene&gt;</c>: the caption
/// lines currently relevant (oldest first), when speech last ended, and sign/menu overlays. Storage is fixed (8 lines:
/// 4 committed lines of history plus partials, with room to spare; 16 overlays) and reused, so filling a scene
/// allocates nothing. Lines or overlays past the capacity are refused (<see cref="AddLine"/> returns false).
/// Threading model: one thread at a time (the triple buffer hands whole instances between producer and consumer).
/// </summary>
public sealed class CaptionScene
{
    public const int LineCapacity = 8;
    public const int OverlayCapacity = 16;

    private readonly SceneLine[] _lines = new SceneLine[LineCapacity];
    private readonly SignOverlay[] _overlays = new SignOverlay[OverlayCapacity];

    /// <summary>Increases with every publish (0 = never filled); lets the render thread tell scenes apart.</summary>
    public long Sequence { get; set; }

    /// <summary>TimeProvider timestamp at which speech last ended; 0 while speech goes on or when unknown.</summary>
    public long SpeechEndedAt { get; set; }

    public int LineCount { get; private set; }

    public int OverlayCount { get; private set; }

    public ReadOnlySpan<SceneLine> Lines => _lines.AsSpan(0, LineCount);

    public ReadOnlySpan<SignOverlay> Overlays => _overlays.AsSpan(0, OverlayCount);

    public void Clear()
    {
        // Drop the string references too, so a reused scene does not keep old text alive.
        Array.Clear(_lines, 0, LineCount);
        Array.Clear(_overlays, 0, OverlayCount);
        LineCount = 0;
        OverlayCount = 0;
        SpeechEndedAt = 0;
        Sequence = 0;
    }

    public bool AddLine(in SceneLine line)
    {
        if (LineCount == LineCapacity)
        {
            return false;
        }

        _lines[LineCount++] = line;
        return true;
    }

    public bool AddOverlay(in SignOverlay overlay)
    {
        if (OverlayCount == OverlayCapacity)
        {
            return false;
        }

        _overlays[OverlayCount++] = overlay;
        return true;
    }

    /// <summary>Makes this scene a copy of <paramref name="other"/> without allocating.</summary>
    public void CopyFrom(CaptionScene other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Clear();
        other.Lines.CopyTo(_lines);
        other.Overlays.CopyTo(_overlays);
        LineCount = other.LineCount;
        OverlayCount = other.OverlayCount;
        SpeechEndedAt = other.SpeechEndedAt;
        Sequence = other.Sequence;
    }
}
