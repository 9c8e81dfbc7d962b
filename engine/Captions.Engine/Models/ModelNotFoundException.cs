namespace Captions.Engine.Models;

/// <summary>A model named by catalog name or path is not on disk; the message says where to put it.</summary>
public sealed class ModelNotFoundException : FileNotFoundException
{
    public ModelNotFoundException()
    {
    }

    public ModelNotFoundException(string message)
        : base(message)
    {
    }

    public ModelNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelNotFoundException(string message, string fileName)
        : base(message, fileName)
    {
    }
}
