namespace Captions.Vad.Silero;

/// <summary>A Silero VAD model file that is missing, unreadable, or not a Silero v5/v6 model; names the file.</summary>
public sealed class SileroModelException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public SileroModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public SileroModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming the model file.</summary>
    public SileroModelException(string modelPath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ModelPath = modelPath;
    }

    /// <summary>Creates an exception without details.</summary>
    public SileroModelException()
    {
    }

    /// <summary>The model file involved, or null.</summary>
    public string? ModelPath { get; }
}
