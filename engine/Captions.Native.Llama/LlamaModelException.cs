namespace Captions.Native.Llama;

/// <summary>A GGUF model file could not be loaded: missing, truncated, not a GGUF file, or rejected by llama.cpp.</summary>
public sealed class LlamaModelException : Exception
{
    /// <summary>Creates the exception for <paramref name="modelPath"/>.</summary>
    public LlamaModelException(string modelPath, string message)
        : base(message)
    {
        ModelPath = modelPath;
    }

    /// <summary>Creates the exception without a model path.</summary>
    public LlamaModelException()
    {
        ModelPath = string.Empty;
    }

    /// <summary>Creates the exception without a model path.</summary>
    public LlamaModelException(string message)
        : base(message)
    {
        ModelPath = string.Empty;
    }

    /// <summary>Creates the exception without a model path.</summary>
    public LlamaModelException(string message, Exception innerException)
        : base(message, innerException)
    {
        ModelPath = string.Empty;
    }

    /// <summary>The model file that failed to load.</summary>
    public string ModelPath { get; }
}
