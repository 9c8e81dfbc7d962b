namespace Captions.Engine.Models;

/// <summary>A model download failed; <see cref="Failure"/> says how, the message names the URL or file and the remedy.</summary>
public sealed class ModelDownloadException : IOException
{
    public ModelDownloadException()
    {
    }

    public ModelDownloadException(string message)
        : base(message)
    {
    }

    public ModelDownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelDownloadException(ModelDownloadFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public ModelDownloadFailure Failure { get; }
}
