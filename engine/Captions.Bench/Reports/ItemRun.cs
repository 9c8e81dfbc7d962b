using Captions.Engine.Metrics;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Reports;

/// <summary>One corpus item replayed through one configuration, with every raw sample.</summary>
public sealed record ItemRun
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string Language { get; init; }

    public required double AudioSeconds { get; init; }

    /// <summary>
    /// "ok", "failed" (the backend failed mid-run: samples up to the failure are kept), "not run" (engines did not
    /// load, or the run was stopped) or "skipped" (the item's language is not one the recogniser is set to hear).
    /// </summary>
    public required string Status { get; init; }

    public string? Error { get; init; }

    /// <summary>Why a metric is missing ("no transcript: WER skipped"), one line each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Reference words with their aligned times (empty when the item has no alignment).</summary>
    public IReadOnlyList<ReferenceWord> Reference { get; init; } = [];

    /// <summary>Every caption version the pipeline emitted, in emission order.</summary>
    public IReadOnlyList<EmissionSample> Emissions { get; init; } = [];

    /// <summary>Per reference word: lag to first shown and to commit (null: never shown / never committed).</summary>
    public IReadOnlyList<WordLagSample> WordLags { get; init; } = [];

    /// <summary>Committed transcript (source language) and, when translated, the committed translation.</summary>
    public string Hypothesis { get; init; } = string.Empty;

    public string? Translation { get; init; }

    /// <summary>Word (or, for CJK, character) edit counts against the transcript; null without a transcript.</summary>
    public WordErrorCounts? Errors { get; init; }

    /// <summary>True when <see cref="Errors"/> counts characters (CER) rather than words.</summary>
    public bool ErrorsAreCharacters { get; init; }

    /// <summary>Compute time per stage over the item (busy time, not waiting).</summary>
    public StageTimes Stages { get; init; } = new(0, 0, 0);

    /// <summary>Wall time of the whole replay (in realtime mode about the audio length).</summary>
    public double WallSeconds { get; init; }

    public required RunMetrics Metrics { get; init; }
}
