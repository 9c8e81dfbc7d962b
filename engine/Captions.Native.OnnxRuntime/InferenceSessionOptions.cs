namespace Captions.Native.OnnxRuntime;

/// <summary>How an <see cref="InferenceSession"/> is created.</summary>
public sealed record InferenceSessionOptions
{
    /// <summary>
    /// Threads inside one operator. 1 by default: small streaming models (Silero's 32 ms window costs well under a
    /// millisecond) lose more to thread hand-off than they gain, and the machine's 2 cores are shared with ASR.
    /// 0 lets ORT use one per core.
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Threads running independent operators at once; 1 keeps execution sequential.</summary>
    public int InterOpThreads { get; init; } = 1;

    /// <summary>Graph rewrites applied at load.</summary>
    public GraphOptimizationLevel GraphOptimizationLevel { get; init; } = GraphOptimizationLevel.All;

    /// <summary>The defaults above.</summary>
    public static InferenceSessionOptions Default { get; } = new();
}
