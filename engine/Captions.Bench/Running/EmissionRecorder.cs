using Captions.Engine.Captioning;
using Captions.Engine.Output;

namespace Captions.Bench.Running;

/// <summary>
/// The bench's own caption sink: keeps every caption version in arrival order, with its stamps and the audio span
/// it covers. Versions already recorded survive a pipeline that fails later, so a partial report can still be written.
/// </summary>
/// <remarks>Threading model: called by the pipeline's output stage, one call at a time; read after the run.</remarks>
internal sealed class EmissionRecorder : ICaptionSink
{
    private readonly List<CaptionLine> _lines = [];

    public IReadOnlyList<CaptionLine> Lines => _lines;

    public ValueTask WriteAsync(CaptionLine line, CancellationToken cancellationToken)
    {
        _lines.Add(line);
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
