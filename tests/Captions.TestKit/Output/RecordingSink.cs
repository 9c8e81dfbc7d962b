using Captions.Engine.Captioning;
using Captions.Engine.Output;

namespace Captions.TestKit.Output;

/// <summary>Keeps every caption version it receives, in order, and whether it was completed and disposed.</summary>
public sealed class RecordingSink : ICaptionSink
{
    private readonly Lock _lock = new();
    private readonly List<CaptionLine> _lines = [];

    public IReadOnlyList<CaptionLine> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    public IReadOnlyList<CaptionLine> Committed => [.. Lines.Where(l => l.IsCommitted)];

    public bool Completed { get; private set; }

    public bool Disposed { get; private set; }

    public ValueTask WriteAsync(CaptionLine line, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _lines.Add(line);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Completed = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
