namespace Captions.Engine.Timing;

/// <summary>
/// A clock that reads the audio timeline instead of the wall: a file source played with
/// <see cref="Audio.AudioPacing.Fast"/> moves it to each frame's end before stamping the frame, so every
/// <c>Captured</c> stamp is exactly the audio time at which that frame would have been heard. This is the
/// benchmark's driven clock: replays go as fast as the machine allows and still give the same, compute-unaware
/// latency numbers on every run. Timers (delays, timeouts) stay on the system clock.
/// </summary>
/// <remarks>Thread-safe: the source writes, every stage reads.</remarks>
public sealed class AudioTimeProvider : TimeProvider
{
    /// <summary>
    /// The timestamp of audio time zero. Not 0, because a zero stamp means "not stamped" in <see cref="LatencyStamps"/>.
    /// </summary>
    public const long ZeroTimestamp = TimeSpan.TicksPerSecond;

    private long _ticks = ZeroTimestamp;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The audio time the clock has reached.</summary>
    public TimeSpan Position => TimeSpan.FromTicks(Volatile.Read(ref _ticks) - ZeroTimestamp);

    public override long GetTimestamp() => Volatile.Read(ref _ticks);

    /// <summary>Moves the clock to <paramref name="audioTime"/>; never backwards.</summary>
    public void AdvanceTo(TimeSpan audioTime)
    {
        var target = audioTime.Ticks + ZeroTimestamp;
        var current = Volatile.Read(ref _ticks);
        while (target > current)
        {
            var seen = Interlocked.CompareExchange(ref _ticks, target, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
