namespace Captions.Engine.Pipeline;

/// <summary>One registered stage: its name, kind, edges and body.</summary>
internal sealed class PipelineStage
{
    public PipelineStage(string name, StageKind kind, IPipelineEdge? input, IPipelineEdge? output, Func<CancellationToken, Task> body)
    {
        Name = name;
        Kind = kind;
        Input = input;
        Output = output;
        Body = body;
    }

    public string Name { get; }

    public StageKind Kind { get; }

    public IPipelineEdge? Input { get; }

    public IPipelineEdge? Output { get; }

    /// <summary>Runs the stage. Sources get the stop-or-abort token; other stages only the abort token.</summary>
    public Func<CancellationToken, Task> Body { get; }
}
