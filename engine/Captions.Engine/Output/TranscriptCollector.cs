using Captions.Engine.Captioning;
namespace Captions.Engine.Output;

/// <summary>
/// Keeps the committed text of a run in memory, for accuracy checks (the demo, the benchmarks); writes nothing to disk.
/// </summary>
public sealed class TranscriptCollector : ICaptionSink
{
    private readonly List<string> _lines = [];

    public string Text => string.Join(' ', _lines);

    public ValueTask WriteAsync(CaptionLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.IsCommitted && line.Text.Length > 0)
        {
            _lines.Add(line.Text);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
