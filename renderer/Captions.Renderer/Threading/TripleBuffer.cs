namespace Captions.Renderer.Threading;

/// <summary>
/// Hands the newest value from one producer (the pipeline) to one consumer (the render thread) without either
/// ever waiting: the producer fills <see cref="WriteBuffer"/> and <see cref="Publish"/>es it; the consumer calls
/// <see cref="TryAcquireLatest"/> once per frame and draws whatever is newest. Intermediate values the consumer never
/// saw are simply overwritten (a caption scene only matters in its newest form). The three buffers are reused, so
/// steady state allocates nothing. (The pattern osu!framework uses between its update and draw threads.)
/// Threading model: exactly one producer thread and one consumer thread.
/// </summary>
public sealed class TripleBuffer<T>
    where T : class
{
    private const int IndexMask = 3;

    /// <summary>Set on the shared slot when it holds a value the consumer has not taken yet.</summary>
    private const int Fresh = 4;

    private readonly T[] _buffers;
    private int _writeIndex;
    private int _readIndex = 1;
    private int _shared = 2;

    public TripleBuffer(Func<T> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _buffers = [factory(), factory(), factory()];
    }

    /// <summary>The producer's buffer: fill it, then <see cref="Publish"/>. Producer thread only.</summary>
    public T WriteBuffer => _buffers[_writeIndex];

    /// <summary>The consumer's current buffer (the last one acquired). Consumer thread only.</summary>
    public T ReadBuffer => _buffers[_readIndex];

    /// <summary>Makes the write buffer the newest value and gives the producer a free buffer. Never blocks.</summary>
    public void Publish() => _writeIndex = Interlocked.Exchange(ref _shared, _writeIndex | Fresh) & IndexMask;

    /// <summary>
    /// Takes the newest published value if there is one the consumer has not seen; otherwise keeps the current one.
    /// Never blocks. Returns true when <paramref name="buffer"/> is new.
    /// </summary>
    public bool TryAcquireLatest(out T buffer)
    {
        if ((Volatile.Read(ref _shared) & Fresh) == 0)
        {
            buffer = _buffers[_readIndex];
            return false;
        }

        _readIndex = Interlocked.Exchange(ref _shared, _readIndex) & IndexMask;
        buffer = _buffers[_readIndex];
        return true;
    }
}
