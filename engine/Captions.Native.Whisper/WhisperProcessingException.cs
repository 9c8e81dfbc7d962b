namespace Captions.Native.Whisper;

/// <summary>whisper_full returned an error code (encoder or decoder failure, not cancellation).</summary>
public sealed class WhisperProcessingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WhisperProcessingException()
    {
    }

    /// <summary>Creates the exception with a message naming the input.</summary>
    public WhisperProcessingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public WhisperProcessingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
