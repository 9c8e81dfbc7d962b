namespace Captions.Engine.Pipeline;

/// <summary>What an edge does when a writer finds it full.</summary>
public enum EdgeFullMode
{
    /// <summary>
    /// Backpressure: the writer waits for room. Used for audio, which is never dropped silently. An edge may set
    /// <see cref="EdgeOptions.MaxWriteWait"/> for live sources: after that long the item is dropped and counted as lost.
    /// </summary>
    Wait,

    /// <summary>Latest value wins: the oldest queued item is dropped (and counted) to make room.</summary>
    DropOldest,

    /// <summary>The item being written is dropped (and counted) when the edge is full.</summary>
    DropWrite,
}
