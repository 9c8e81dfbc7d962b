namespace Captions.Native.Tesseract;

/// <summary>Tesseract could not be loaded, initialised, or failed to recognise an image.</summary>
public class TesseractException : Exception
{
    public TesseractException()
    {
    }

    public TesseractException(string message)
        : base(message)
    {
    }

    public TesseractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
