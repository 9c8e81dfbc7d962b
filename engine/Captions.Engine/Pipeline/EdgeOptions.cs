namespace Captions.Engine.Pipeline;

/// <summary>How one edge between two stages is bounded and what it does when full.</summary>
public sealed record EdgeOptions
{
    public EdgeOptions(string name, int capacity, EdgeFullMode fullMode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Name = name;
        Capacity = capacity;
        FullMode = fullMode;
    }

    public string Name { get; }

    public int Capacity { get; }

    public EdgeFullMode FullMode { get; }

    /// <summary>
    /// For <see cref="EdgeFullMode.Wait"/> edges fed by a live device: how long a writer may wait before the item is
    /// dropped and counted as lost. Null waits indefinitely (files and stdin: the reader simply slows down).
    /// </summary>
    public TimeSpan? MaxWriteWait { get; init; }

    /// <summary>
    /// An audio edge: backpressure, never a silent drop. Capacity 50 = 1 s of 20 ms frames, enough to ride out a slow
    /// recogniser step without stalling capture.
    /// </summary>
    public static EdgeOptions Audio(string name, int capacity = 50) => new(name, capacity, EdgeFullMode.Wait);

    /// <summary>A latest-value edge: capacity 1, the newest item replaces an unread one, drops counted.</summary>
    public static EdgeOptions Latest(string name) => new(name, 1, EdgeFullMode.DropOldest);

    /// <summary>An ordered message edge (captions): backpressure with a modest bound.</summary>
    public static EdgeOptions Messages(string name, int capacity = 64) => new(name, capacity, EdgeFullMode.Wait);
}
