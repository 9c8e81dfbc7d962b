namespace Captions.Engine.Pipeline;

public enum StageKind
{
    /// <summary>Produces items; stopped gracefully by the run's stop token (Ctrl+C).</summary>
    Source,

    /// <summary>Reads one edge and writes another; runs until its input completes (drains on stop).</summary>
    Transform,

    /// <summary>Reads one edge and writes outside the pipeline (files, terminal, renderer).</summary>
    Sink,
}
