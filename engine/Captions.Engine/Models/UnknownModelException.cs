namespace Captions.Engine.Models;

/// <summary>A model name is neither in the catalog nor a path; the message lists the known names.</summary>
public sealed class UnknownModelException : ArgumentException
{
    public UnknownModelException()
    {
    }

    public UnknownModelException(string message)
        : base(message)
    {
    }

    public UnknownModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
