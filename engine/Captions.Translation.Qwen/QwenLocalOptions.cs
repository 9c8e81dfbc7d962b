namespace Captions.Translation.Qwen;

/// <summary>How <see cref="QwenLocalTranslator"/> runs the model.</summary>
public sealed class QwenLocalOptions
{
    /// <summary>KV cache size in tokens: system prompt (~250) + context lines + caption + answer fit in 2048.</summary>
    public uint ContextSize { get; init; } = 2048;

    /// <summary>Decode threads; 0 = llama.cpp's default (the cores).</summary>
    public int Threads { get; init; }

    /// <summary>Upper bound on generated tokens (also scaled to the input: 32 + 2 per character).</summary>
    public int MaxOutputTokens { get; init; } = 512;
}
