namespace Captions.Engine.Output;

/// <summary>
/// Places cues on a file's timeline in whole milliseconds: never negative, at least the minimum duration, and never
/// overlapping the cue written before.
/// </summary>
/// <remarks>
/// Cues are written as soon as a line commits, so the next cue's start is unknown when a cue's end is fixed. Rather
/// than let a cue stretched to the minimum duration overlap its successor (players then stack both), the successor's
/// start is delayed to the previous end, and its end pushed out to keep its own minimum duration. The delay is bounded
/// by the minimum duration per cue and vanishes at the first pause longer than it.
/// </remarks>
internal sealed class CueTimeline
{
    private readonly long _minimumMilliseconds;
    private long _lastEnd;

    public CueTimeline(TimeSpan minimumDuration)
    {
        _minimumMilliseconds = Math.Max(1, RoundToMilliseconds(minimumDuration));
    }

    /// <summary>Start and end in milliseconds; end > start always.</summary>
    public (long Start, long End) Place(TimeSpan start, TimeSpan end)
    {
        long startMs = Math.Max(Math.Max(0, RoundToMilliseconds(start)), _lastEnd);
        long endMs = Math.Max(RoundToMilliseconds(end), startMs + _minimumMilliseconds);
        _lastEnd = endMs;
        return (startMs, endMs);
    }

    private static long RoundToMilliseconds(TimeSpan time) =>
        (long)Math.Round(time.Ticks / (double)TimeSpan.TicksPerMillisecond, MidpointRounding.AwayFromZero);
}
