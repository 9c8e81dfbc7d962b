using Captions.Engine.Captioning;
using Captions.Engine.Output;

namespace Captions.Cli.Commands;

/// <summary>Keeps the committed text of a run in memory (for the demo's accuracy check); writes nothing to disk.</summary>
internal sealed class TranscriptCollector : ICaptionSink
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
