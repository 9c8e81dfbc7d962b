using System.Runtime.CompilerServices;
using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace Captions.Engine.Pipeline;

/// <summary>
/// A bounded channel between two stages, with its full mode chosen per edge and every drop counted.
/// Threading model: one writer stage and one reader stage (enforced by <see cref="PipelineBuilder"/>);
/// counters are read from any thread.
/// </summary>
public sealed class PipelineEdge<T> : IPipelineEdge
{
    private readonly Channel<T> _channel;
    private readonly Action<T>? _release;
    private readonly TimeProvider _timeProvider;
    private readonly Counter<long> _writtenCounter;
    private readonly Counter<long> _droppedCounter;
    private readonly KeyValuePair<string, object?> _tag;
    private long _written;
    private long _dropped;
    private long _writerWaits;

    internal PipelineEdge(EdgeOptions options, PipelineMetrics metrics, TimeProvider timeProvider, Action<T>? release)
    {
        Options = options;
        _release = release;
        _timeProvider = timeProvider;
        _writtenCounter = metrics.ItemsWritten;
        _droppedCounter = metrics.ItemsDropped;
        _tag = new KeyValuePair<string, object?>("edge", options.Name);
        var channelOptions = new BoundedChannelOptions(options.Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            AllowSynchronousContinuations = false,
            FullMode = options.FullMode switch
            {
                EdgeFullMode.Wait => BoundedChannelFullMode.Wait,
                EdgeFullMode.DropOldest => BoundedChannelFullMode.DropOldest,
                EdgeFullMode.DropWrite => BoundedChannelFullMode.DropWrite,
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.FullMode, "unknown full mode"),
            },
        };

        // The runtime invokes itemDropped after releasing the channel's lock, so releasing a pooled buffer here
        // cannot deadlock against the channel.
        _channel = Channel.CreateBounded<T>(channelOptions, OnItemDropped);
    }

    public EdgeOptions Options { get; }

    public string Name => Options.Name;

    public ChannelReader<T> Reader => _channel.Reader;

    /// <summary>Items accepted into the edge (including ones later dropped by DropOldest).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Items lost on this edge: replaced by newer ones, refused when full, or timed out waiting for room.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Writes that found the edge full and had to wait (backpressure events).</summary>
    public long WriterWaits => Interlocked.Read(ref _writerWaits);

    /// <summary>Items currently queued.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>
    /// Writes an item according to the edge's full mode. Allocation-free when the edge has room.
    /// Returns false when the item was dropped (counted); throws <see cref="OperationCanceledException"/> when
    /// cancelled while waiting, in which case the caller still owns the item.
    /// </summary>
    public ValueTask<bool> WriteAsync(T item, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(item))
        {
            // DropWrite reports success from TryWrite even when it dropped; the callback has counted that case.
            CountWritten();
            return new ValueTask<bool>(true);
        }

        return WriteSlowAsync(item, cancellationToken);
    }

    /// <summary>Marks the edge complete; a non-null error faults the reader with it.</summary>
    public bool TryComplete(Exception? error = null) => _channel.Writer.TryComplete(error);

    /// <summary>Releases whatever is still queued (after an abort), so pooled buffers go back to their pool.</summary>
    public void ReleaseQueued()
    {
        while (_channel.Reader.TryRead(out var item))
        {
            _release?.Invoke(item);
        }
    }

    public EdgeStatistics GetStatistics() => new(Name, Options.Capacity, Options.FullMode, Written, Dropped, WriterWaits);

    // Pooled: this await suspends whenever the next edge is full, once per frame under backpressure.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> WriteSlowAsync(T item, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writerWaits);
        if (Options.MaxWriteWait is not { } maxWait)
        {
            await _channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            CountWritten();
            return true;
        }

        // Live capture: waiting longer than the device buffer would lose audio upstream anyway, so lose it here,
        // visibly. Only this (already slow) path allocates.
        using var timeout = new CancellationTokenSource(maxWait, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await _channel.Writer.WriteAsync(item, linked.Token).ConfigureAwait(false);
            CountWritten();
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            OnItemDropped(item);
            return false;
        }
    }

    private void CountWritten()
    {
        Interlocked.Increment(ref _written);
        _writtenCounter.Add(1, _tag);
    }

    private void OnItemDropped(T item)
    {
        Interlocked.Increment(ref _dropped);
        _droppedCounter.Add(1, _tag);
        _release?.Invoke(item);
    }
}
