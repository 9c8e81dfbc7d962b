using System.Threading.Channels;

namespace Captions.Renderer.Scene;

/// <summary>
/// Where the render thread reports caption versions it presented, for the pipeline and the latency harness. Bounded
/// (1024 records = minutes of captions at a few versions a second) with DropOldest, so a harness that stops reading
/// never stalls the render thread; drops are counted. Writing allocates nothing once the queue has grown.
/// Threading model: one writer (the render thread), any number of readers.
/// </summary>
public sealed class CaptionPresentedOutlet
{
    public const int DefaultCapacity = 1024;

    private readonly Channel<CaptionPresented> _channel;
    private long _dropped;

    public CaptionPresentedOutlet(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleWriter = true,
            SingleReader = false,
            AllowSynchronousContinuations = false,
        };
        _channel = Channel.CreateBounded<CaptionPresented>(options, _ => Interlocked.Increment(ref _dropped));
    }

    public ChannelReader<CaptionPresented> Reader => _channel.Reader;

    /// <summary>Records dropped because nobody read them in time.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Never blocks; the oldest unread record makes room when the outlet is full.</summary>
    public void Write(in CaptionPresented record) => _channel.Writer.TryWrite(record);
}
