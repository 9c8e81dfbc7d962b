namespace Captions.Native.Leptonica;

/// <summary>A leptonica call failed; the message carries leptonica's own error lines when it gave any.</summary>
public sealed class LeptonicaException : Exception
{
    public LeptonicaException()
    {
    }

    public LeptonicaException(string message)
        : base(message)
    {
    }

    public LeptonicaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
