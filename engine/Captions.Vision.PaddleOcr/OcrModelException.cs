namespace Captions.Vision.PaddleOcr;

/// <summary>
/// A PP-OCR model or dictionary file that is missing, unreadable, or not what the pipeline needs (truncated or garbage
/// ONNX, unexpected inputs or outputs, a dictionary whose size does not match the recognition model); names the file.
/// </summary>
public sealed class OcrModelException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public OcrModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public OcrModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming the file.</summary>
    public OcrModelException(string modelPath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ModelPath = modelPath;
    }

    /// <summary>Creates an exception without details.</summary>
    public OcrModelException()
    {
    }

    /// <summary>The file involved, or null.</summary>
    public string? ModelPath { get; }
}
