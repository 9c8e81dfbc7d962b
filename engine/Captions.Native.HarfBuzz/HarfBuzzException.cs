namespace Captions.Native.HarfBuzz;

/// <summary>A HarfBuzz object could not be created (out of memory, unreadable font file).</summary>
public sealed class HarfBuzzException : Exception
{
    public HarfBuzzException()
    {
    }

    public HarfBuzzException(string message)
        : base(message)
    {
    }

    public HarfBuzzException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
