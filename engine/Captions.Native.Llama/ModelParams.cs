namespace Captions.Native.Llama;

/// <summary>How to load a GGUF model and size its contexts; shaped like LLamaSharp's ModelParams.</summary>
public sealed class ModelParams
{
    /// <summary>Creates parameters for the GGUF file at <paramref name="modelPath"/>.</summary>
    public ModelParams(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ModelPath = modelPath;
    }

    /// <summary>The GGUF file.</summary>
    public string ModelPath { get; }

    /// <summary>KV-cache size in tokens (prompt + output). A caption prompt is ~100-300 tokens.</summary>
    public uint ContextSize { get; init; } = 2048;

    /// <summary>Most tokens one llama_decode call takes; longer prompts are decoded in chunks of this size.</summary>
    public uint BatchSize { get; init; } = 512;

    /// <summary>Compute threads; 0 = one per processor (llama.cpp's own default is a fixed 4).</summary>
    public int Threads { get; init; }

    /// <summary>Only the vocabulary (tokenizer, chat template): no weights, no context can be created.</summary>
    public bool VocabOnly { get; init; }
}
