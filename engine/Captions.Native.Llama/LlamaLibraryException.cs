namespace Captions.Native.Llama;

/// <summary>libllama or libggml could not be loaded or does not match this binding's llama.h.</summary>
public sealed class LlamaLibraryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LlamaLibraryException()
    {
    }

    /// <summary>Creates the exception with a message naming the library file or directory.</summary>
    public LlamaLibraryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the loader's exception.</summary>
    public LlamaLibraryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
