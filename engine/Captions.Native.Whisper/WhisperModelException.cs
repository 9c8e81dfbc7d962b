namespace Captions.Native.Whisper;

/// <summary>A whisper model file could not be loaded: missing, truncated, not a ggml whisper file, or wrong shapes.</summary>
public sealed class WhisperModelException : Exception
{
    /// <summary>Creates the exception for <paramref name="modelPath"/>.</summary>
    public WhisperModelException(string modelPath, string message)
        : base(message)
    {
        ModelPath = modelPath;
    }

    /// <summary>Creates the exception without a model path.</summary>
    public WhisperModelException()
    {
        ModelPath = string.Empty;
    }

    /// <summary>Creates the exception without a model path.</summary>
    public WhisperModelException(string message)
        : base(message)
    {
        ModelPath = string.Empty;
    }

    /// <summary>Creates the exception without a model path.</summary>
    public WhisperModelException(string message, Exception innerException)
        : base(message, innerException)
    {
        ModelPath = string.Empty;
    }

    /// <summary>The model file that failed to load.</summary>
    public string ModelPath { get; }
}
