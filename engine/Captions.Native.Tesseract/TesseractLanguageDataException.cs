namespace Captions.Native.Tesseract;

/// <summary>
/// A language asked for has no <c>&lt;lang&gt;.traineddata</c> in the data directory (or the directory is missing):
/// names both, so the fix (install tesseract-ocr-&lt;lang&gt;, or point at the right directory) is obvious.
/// </summary>
public sealed class TesseractLanguageDataException : TesseractException
{
    public TesseractLanguageDataException(string language, string dataPath, string message)
        : base(message)
    {
        Language = language;
        DataPath = dataPath;
    }

    public TesseractLanguageDataException()
    {
        Language = string.Empty;
        DataPath = string.Empty;
    }

    public TesseractLanguageDataException(string message)
        : base(message)
    {
        Language = string.Empty;
        DataPath = string.Empty;
    }

    public TesseractLanguageDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Language = string.Empty;
        DataPath = string.Empty;
    }

    /// <summary>The language code that has no data ("xyz"), or empty when the directory itself is missing.</summary>
    public string Language { get; }

    /// <summary>The tessdata directory that was searched.</summary>
    public string DataPath { get; }
}
