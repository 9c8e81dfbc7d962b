using System.Collections.Concurrent;

namespace Captions.Bench.Running;

/// <summary>
/// First-presented clock stamps of caption versions, reported by a display from its render thread; the runner
/// turns them into caption-to-frame times. Thread-safe.
/// </summary>
public sealed class PresentedLog
{
    private readonly ConcurrentDictionary<(long Id, int Version), long> _stamps = new();

    /// <summary>Records that a frame first showed version <paramref name="version"/> of line <paramref name="id"/>.</summary>
    public void Record(long id, int version, long timestamp) => _stamps.TryAdd((id, version), timestamp);

    public bool TryGet(long id, int version, out long timestamp) => _stamps.TryGetValue((id, version), out timestamp);

    public int Count => _stamps.Count;
}
