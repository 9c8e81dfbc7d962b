namespace Captions.Native.Llama;

/// <summary>llama_decode failed (no KV-cache slot, compute error) or a prompt does not fit the context.</summary>
public sealed class LlamaDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LlamaDecodeException()
    {
    }

    /// <summary>Creates the exception with a message saying what was decoded and what llama.cpp returned.</summary>
    public LlamaDecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LlamaDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
