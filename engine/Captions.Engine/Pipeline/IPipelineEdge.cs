namespace Captions.Engine.Pipeline;

/// <summary>The type-independent face of an edge, for the pipeline's bookkeeping.</summary>
public interface IPipelineEdge
{
    string Name { get; }

    bool TryComplete(Exception? error = null);

    void ReleaseQueued();

    EdgeStatistics GetStatistics();
}
