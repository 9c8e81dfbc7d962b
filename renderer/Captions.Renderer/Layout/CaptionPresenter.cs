using Captions.Renderer.Scene;

namespace Captions.Renderer.Layout;

/// <summary>
/// The time-based half of caption display, evaluated every frame at a TimeProvider timestamp:
/// <list type="bullet">
/// <item>Reading time of a line: its characters at <see cref="CaptionStyle.CharactersPerSecond"/> (17/s), clamped
/// to <see cref="CaptionStyle.MinDisplay"/>..<see cref="CaptionStyle.MaxDisplay"/> (1.5..7 s).</item>
/// <item>While speech goes on, a committed line stays until newer rows roll it out, or at most MaxDisplay after its
/// commit (stale context goes). After speech ends, lines clear at SpeechEndedAt + <see cref="CaptionStyle.SpeechEndHold"/>,
/// but never before their reading time is over nor later than MaxDisplay after commit.</item>
/// <item>A partial line stays while it keeps being updated; one left unchanged for MaxDisplay during speech, or
/// SpeechEndHold after speech ended, is dropped (the recogniser never committed it).</item>
/// <item>Roll-up: when rows move (a new row pushes the oldest out), the layout reports the jump in pixels and draws
/// at <see cref="ScrollOffset"/>, which walks back to 0 linearly over <see cref="CaptionStyle.RollUpDuration"/> per
/// row, in whole pixels, so lines glide up instead of jumping.</item>
/// </list>
/// Threading model: render thread only.
/// </summary>
public sealed class CaptionPresenter
{
    /// <summary>Committed lines seen expiring; a scene holds at most 8 lines, so 16 covers every one it can still hold.</summary>
    private const int ExpiredMemory = 16;

    private readonly CaptionStyle _style;
    private readonly long _frequency;
    private readonly long[] _expired = new long[ExpiredMemory];
    private int _expiredNext;
    private long _scrollFrom;
    private long _scrollStart;
    private long _scrollDuration;

    public CaptionPresenter(CaptionStyle style, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(timeProvider);
        style.Validate();
        _style = style;
        _frequency = timeProvider.TimestampFrequency;
        Array.Fill(_expired, long.MinValue);
    }

    /// <summary>How long <paramref name="characters"/> characters stay at least (reading speed, clamped).</summary>
    public TimeSpan ReadingTime(int characters)
    {
        var seconds = characters / _style.CharactersPerSecond;
        var time = TimeSpan.FromSeconds(seconds);
        return time < _style.MinDisplay ? _style.MinDisplay : time > _style.MaxDisplay ? _style.MaxDisplay : time;
    }

    /// <summary>Timestamp at which <paramref name="line"/> leaves the screen (unless rolled out sooner).</summary>
    public long ExpiresAt(in SceneLine line, long speechEndedAt)
    {
        var characters = (line.Translation ?? line.Source).Length;
        var max = Ticks(_style.MaxDisplay);
        var hold = Ticks(_style.SpeechEndHold);
        if (line.IsCommitted)
        {
            var reading = line.UpdatedAt + Ticks(ReadingTime(characters));
            return speechEndedAt == 0
                ? line.UpdatedAt + max
                : Math.Max(reading, Math.Min(speechEndedAt + hold, line.UpdatedAt + max));
        }

        return speechEndedAt == 0 ? line.UpdatedAt + max : Math.Max(line.UpdatedAt, speechEndedAt) + hold;
    }

    /// <summary>Writes the indices (into <c>scene.Lines</c>, oldest first) of the lines on screen at <paramref name="now"/>.</summary>
    public int SelectVisible(CaptionScene scene, long now, Span<int> indices)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var count = 0;
        var lines = scene.Lines;
        for (var i = 0; i < lines.Length && count < indices.Length; i++)
        {
            ref readonly var line = ref lines[i];
            if (line.IsCommitted && HasExpired(line.Id))
            {
                continue; // gone for good: new speech (which resets the speech end) must not bring it back
            }

            if (now < ExpiresAt(line, scene.SpeechEndedAt))
            {
                indices[count++] = i;
            }
            else if (line.IsCommitted)
            {
                _expired[_expiredNext] = line.Id;
                _expiredNext = (_expiredNext + 1) % ExpiredMemory;
            }
        }

        return count;
    }

    /// <summary>
    /// The rows just moved by <paramref name="pixels"/> (positive: up): keep drawing them where they were and glide
    /// to the new place. <paramref name="rowHeight"/> sets the pace (one row per RollUpDuration).
    /// </summary>
    public void BeginScroll(int pixels, int rowHeight, long now)
    {
        var current = ScrollOffset(now);
        var from = current + pixels;
        if (from == 0 || _style.RollUpDuration == TimeSpan.Zero)
        {
            _scrollFrom = 0;
            return;
        }

        var rows = Math.Max(1.0, Math.Abs(from) / (double)Math.Max(1, rowHeight));
        _scrollFrom = from;
        _scrollStart = now;
        _scrollDuration = Math.Max(1, (long)(Ticks(_style.RollUpDuration) * Math.Min(rows, 2.0)));
    }

    /// <summary>Pixels to add to every row's y at <paramref name="now"/> (0 once the roll-up has finished).</summary>
    public int ScrollOffset(long now)
    {
        if (_scrollFrom == 0)
        {
            return 0;
        }

        var elapsed = now - _scrollStart;
        if (elapsed >= _scrollDuration)
        {
            _scrollFrom = 0;
            return 0;
        }

        // Linear glide, truncated towards zero: whole-pixel steps that reach 0 exactly at the end.
        return (int)(_scrollFrom * (_scrollDuration - Math.Max(0, elapsed)) / _scrollDuration);
    }

    public bool IsScrolling(long now) => ScrollOffset(now) != 0;

    public void ResetScroll() => _scrollFrom = 0;

    private bool HasExpired(long id)
    {
        foreach (var expired in _expired)
        {
            if (expired == id)
            {
                return true;
            }
        }

        return false;
    }

    private long Ticks(TimeSpan span) => (long)(span.Ticks * (double)_frequency / TimeSpan.TicksPerSecond);
}
