using Captions.Bench.Reports;

namespace Captions.Bench.Running;

/// <summary>What one replay of one item recorded, before analysis.</summary>
/// <param name="Emissions">Every caption version, stamps on the audio timeline.</param>
/// <param name="LineSpans">Per line id, the audio span (seconds) its last version covers.</param>
/// <param name="Error">Why the replay stopped early (what was recorded before is kept), or null.</param>
internal sealed record ReplayOutcome(
    IReadOnlyList<EmissionSample> Emissions,
    IReadOnlyDictionary<long, (double Start, double End)> LineSpans,
    StageTimes Stages,
    double WallSeconds,
    bool Translating,
    string? Error);
