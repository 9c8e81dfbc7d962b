namespace Captions.TestKit.Models;

/// <summary>Dimensions and weight encoding of a random-weight qwen2 GGUF written by <see cref="GgufWriter"/>.</summary>
public sealed record GgufWriterOptions
{
    /// <summary>
    /// The smallest model NATIVE.md measured working: E=64, one layer, Q4_0 matrices; ~11.5 MB, almost all of it
    /// the 151,936-row token embedding and output matrices.
    /// </summary>
    public static GgufWriterOptions Tiny { get; } = new()
    {
        EmbeddingLength = 64,
        BlockCount = 1,
        HeadCount = 4,
        HeadCountKv = 2,
        FeedForwardLength = 128,
        ContextLength = 4096,
    };

    /// <summary>
    /// Qwen2.5-0.5B-Instruct's real dimensions (config.json: hidden 896, 24 layers, 14 heads, 2 KV heads, FFN 4864,
    /// rope theta 1e6, rms eps 1e-6), Q4_0 matrices: ~355 MB, compute-faithful for timing, meaningless output.
    /// </summary>
    public static GgufWriterOptions Qwen25HalfB { get; } = new()
    {
        EmbeddingLength = 896,
        BlockCount = 24,
        HeadCount = 14,
        HeadCountKv = 2,
        FeedForwardLength = 4864,
        ContextLength = 32768,
    };

    /// <summary>Embedding width; a multiple of 32 (Q4_0/Q8_0 blocks) and of <see cref="HeadCount"/>.</summary>
    public int EmbeddingLength { get; init; }

    /// <summary>Transformer layers.</summary>
    public int BlockCount { get; init; }

    /// <summary>Attention heads.</summary>
    public int HeadCount { get; init; }

    /// <summary>Key/value heads (grouped-query attention).</summary>
    public int HeadCountKv { get; init; }

    /// <summary>FFN inner width; a multiple of 32.</summary>
    public int FeedForwardLength { get; init; }

    /// <summary>Training context length written to qwen2.context_length.</summary>
    public int ContextLength { get; init; }

    /// <summary>RoPE base (Qwen2.5: 1e6).</summary>
    public float RopeFreqBase { get; init; } = 1_000_000f;

    /// <summary>RMSNorm epsilon (Qwen2.5: 1e-6).</summary>
    public float RmsEpsilon { get; init; } = 1e-6f;

    /// <summary>Encoding of the 2-D weight matrices (norms and biases are always F32).</summary>
    public GgmlType WeightType { get; init; } = GgmlType.Q4Zero;

    /// <summary>
    /// Write a separate output.weight. Qwen2.5-0.5B ties it to token_embd, but with random weights a tied model
    /// echoes the last token (NATIVE.md), so the default adds one.
    /// </summary>
    public bool SeparateOutput { get; init; } = true;

    /// <summary>Seed of the random weights: equal options give byte-identical files.</summary>
    public int Seed { get; init; } = 1234;
}
