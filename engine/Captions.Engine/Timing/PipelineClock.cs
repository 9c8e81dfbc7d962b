namespace Captions.Engine.Timing;

/// <summary>
/// The one clock of a pipeline run: a <see cref="TimeProvider"/> and the timestamp the run started at.
/// Tests inject a driven provider; production uses <see cref="TimeProvider.System"/>.
/// </summary>
public sealed class PipelineClock
{
    public PipelineClock(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        Origin = timeProvider.GetTimestamp();
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>Raw timestamp at which the run started.</summary>
    public long Origin { get; }

    public long Now() => TimeProvider.GetTimestamp();

    /// <summary>Time since the run started at <paramref name="timestamp"/>; <see cref="TimeSpan.Zero"/> for an unset stamp.</summary>
    public TimeSpan SinceOrigin(long timestamp) =>
        timestamp == 0 ? TimeSpan.Zero : TimeProvider.GetElapsedTime(Origin, timestamp);

    /// <summary>Milliseconds from the start of the run, or null for an unset stamp (for JSON output).</summary>
    public double? Milliseconds(long timestamp) =>
        timestamp == 0 ? null : Math.Round(TimeProvider.GetElapsedTime(Origin, timestamp).TotalMilliseconds, 3);
}
