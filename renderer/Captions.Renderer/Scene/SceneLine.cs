using Captions.Engine.Captioning;
using Captions.Engine.Timing;

namespace Captions.Renderer.Scene;

/// <summary>
/// One caption line as the render thread sees it: the newest version of a <see cref="CaptionLine"/>, flattened into a
/// struct so a scene copies its lines without allocating. The stable lengths are UTF-16 counts of the leading
/// characters that will not change (all of a committed line; the words <see cref="CaptionLine.StableWords"/> covers
/// of a partial line's source; none of a partial translation); the rest is drawn dimmer as tentative.
/// <see cref="UpdatedAt"/> is the TimeProvider timestamp at which this version reached the scene builder.
/// </summary>
public readonly record struct SceneLine(
    long Id,
    int Version,
    CaptionState State,
    string Source,
    string? Translation,
    int SourceStableLength,
    int TranslationStableLength,
    bool Untranslated,
    long UpdatedAt,
    LatencyStamps Stamps)
{
    public bool IsCommitted => State == CaptionState.Committed;
}
