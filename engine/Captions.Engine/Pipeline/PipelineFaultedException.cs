namespace Captions.Engine.Pipeline;

/// <summary>A stage failed; <see cref="Exception.InnerException"/> is the original error.</summary>
public sealed class PipelineFaultedException : Exception
{
    public PipelineFaultedException(string stage, Exception error)
        : base($"stage '{stage}' failed: {error.Message}", error)
    {
        Stage = stage;
    }

    public PipelineFaultedException()
        : base("a pipeline stage failed")
    {
        Stage = string.Empty;
    }

    public PipelineFaultedException(string message)
        : base(message)
    {
        Stage = string.Empty;
    }

    /// <summary>The stage where the failure began.</summary>
    public string Stage { get; }
}
