using Captions.Engine.Timing;

namespace Captions.Engine.Captioning;

/// <summary>
/// One version of one caption line. A line (same <see cref="Id"/>) goes through partial versions and ends with
/// exactly one committed version. <see cref="Start"/>/<see cref="End"/> are stream times of the audio it covers;
/// <see cref="Stamps"/> are wall-clock stamps of the pipeline.
/// </summary>
public sealed record CaptionLine(
    long Id,
    int Version,
    CaptionState State,
    string Text,
    TimeSpan Start,
    TimeSpan End,
    IReadOnlyList<WordTiming> Words,
    LatencyStamps Stamps)
{
    /// <summary>Translated text, when a translator ran (null otherwise).</summary>
    public string? Translation { get; init; }

    /// <summary>Language of <see cref="Text"/> (BCP-47 or ISO 639-1), when known.</summary>
    public string? Language { get; init; }

    /// <summary>Name of the recogniser that produced the text (e.g. "sphinx").</summary>
    public string? Recognizer { get; init; }

    /// <summary>
    /// How many leading <see cref="Words"/> of a partial version will not change (renderers draw the rest as tentative;
    /// every word of a committed version is settled).
    /// </summary>
    public int StableWords { get; init; }

    /// <summary>
    /// Translation was asked for but failed or was rejected: <see cref="Translation"/> is null and outputs show the
    /// source text marked as untranslated.
    /// </summary>
    public bool Untranslated { get; init; }

    public bool IsCommitted => State == CaptionState.Committed;
}
