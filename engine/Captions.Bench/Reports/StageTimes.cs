namespace Captions.Bench.Reports;

/// <summary>Busy (compute) seconds per stage over one item; divide by audio seconds for that stage's real-time factor.</summary>
public sealed record StageTimes(double VadSeconds, double AsrSeconds, double MtSeconds);
