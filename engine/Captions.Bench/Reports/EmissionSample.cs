namespace Captions.Bench.Reports;

/// <summary>
/// One caption version with its stamps, all in seconds on the audio timeline (0 = the first sample of the item):
/// <see cref="CapturedSeconds"/> is when the newest audio it includes had been heard, <see cref="AsrSeconds"/> when the
/// recogniser emitted it, <see cref="MtSeconds"/> when its translation was attached, <see cref="PresentedSeconds"/>
/// when a frame first showed it. In driven mode compute is free: asr equals captured and mt/presented are null.
/// </summary>
public sealed record EmissionSample(
    long Id,
    int Version,
    bool Committed,
    string Text,
    string? Translation,
    double CapturedSeconds,
    double AsrSeconds,
    double? MtSeconds,
    double? PresentedSeconds)
{
    /// <summary>When the version could be on screen: presented, else translated, else recognised.</summary>
    public double ShownSeconds => PresentedSeconds ?? MtSeconds ?? AsrSeconds;
}
