namespace Captions.Native.PocketSphinx;

/// <summary>
/// pocketsphinx failed: the library did not load, a model file is missing or unreadable, or a decoder call
/// returned an error. <see cref="ModelPath"/> names the model file or directory at fault, when one is.
/// </summary>
public sealed class PocketSphinxException : Exception
{
    public PocketSphinxException()
    {
    }

    public PocketSphinxException(string message)
        : base(message)
    {
    }

    public PocketSphinxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PocketSphinxException(string message, string? modelPath, Exception? innerException = null)
        : base(message, innerException)
    {
        ModelPath = modelPath;
    }

    /// <summary>The model file or directory that is missing or failed to load, if the failure is about one.</summary>
    public string? ModelPath { get; }
}
