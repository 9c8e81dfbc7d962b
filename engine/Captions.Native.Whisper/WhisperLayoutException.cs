namespace Captions.Native.Whisper;

/// <summary>The loaded libwhisper's parameter structs do not match the layout this binding mirrors (another version).</summary>
public sealed class WhisperLayoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WhisperLayoutException()
    {
    }

    /// <summary>Creates the exception with a message naming the mismatched field.</summary>
    public WhisperLayoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public WhisperLayoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
