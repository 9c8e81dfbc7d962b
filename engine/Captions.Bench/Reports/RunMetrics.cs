namespace Captions.Bench.Reports;

/// <summary>
/// The headline metrics of one item, or of a whole configuration (pooled over its items: percentiles over all
/// samples, sums over counts). Null means "not measurable here" (no alignment, no translator, no display); the
/// README defines each one and cites its source.
/// </summary>
public sealed record RunMetrics
{
    /// <summary>Seconds from the first reference word's start (speech onset) to the first partial on screen.</summary>
    public double? FirstPartialSeconds { get; init; }

    /// <summary>Word end to first shown, p50/p95 (whisper_streaming's measure).</summary>
    public double? FirstShownP50 { get; init; }

    public double? FirstShownP95 { get; init; }

    /// <summary>Word end to commit, p50/p95.</summary>
    public double? CommitP50 { get; init; }

    public double? CommitP95 { get; init; }

    /// <summary>SimulEval Average Lagging and Length-Adaptive Average Lagging, seconds (mean over items when pooled).</summary>
    public double? AverageLagging { get; init; }

    public double? Laal { get; init; }

    /// <summary>Recogniser emission to translation attached, p50/p95, seconds.</summary>
    public double? TranslationLagP50 { get; init; }

    public double? TranslationLagP95 { get; init; }

    /// <summary>Pipeline emission to first frame that shows it, p50/p95, seconds.</summary>
    public double? PresentedLagP50 { get; init; }

    public double? PresentedLagP95 { get; init; }

    /// <summary>Characters erased from shown text per character finally committed (flicker).</summary>
    public double? NormalisedErasure { get; init; }

    /// <summary>Real-time factor per stage (busy / audio) and of the whole replay (wall / audio).</summary>
    public double? VadRtf { get; init; }

    public double? AsrRtf { get; init; }

    public double? MtRtf { get; init; }

    public double? WallRtf { get; init; }

    /// <summary>Word error rate (character error rate for CJK items when <see cref="ErrorRateIsCharacters"/>).</summary>
    public double? ErrorRate { get; init; }

    public bool ErrorRateIsCharacters { get; init; }

    /// <summary>p95 commit lag in the last 5 minutes over the first 5 (sessions of 10 minutes or more only).</summary>
    public double? LagDrift { get; init; }

    /// <summary>Reference words never shown / never committed, and how many there were.</summary>
    public int MissingWords { get; init; }

    public int ReferenceWords { get; init; }

    public int Versions { get; init; }
}
