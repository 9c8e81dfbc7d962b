namespace Captions.Native.Llama;

/// <summary>How to sample one generation; shaped like LLamaSharp's InferenceParams.</summary>
public sealed class InferenceParams
{
    /// <summary>Most tokens to generate; generation also stops at an end-of-generation token (llama_vocab_is_eog).</summary>
    public int MaxTokens { get; init; } = 256;

    /// <summary>0 = greedy (deterministic); above 0, top-k/top-p then temperature then a seeded draw.</summary>
    public float Temperature { get; init; }

    /// <summary>Seed of the draw when <see cref="Temperature"/> is above 0: equal seeds give equal outputs.</summary>
    public uint Seed { get; init; } = 42;

    /// <summary>Candidates kept before the draw (temperature above 0 only).</summary>
    public int TopK { get; init; } = 40;

    /// <summary>Nucleus mass kept before the draw (temperature above 0 only).</summary>
    public float TopP { get; init; } = 0.95f;
}
