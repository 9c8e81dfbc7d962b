namespace Captions.Vision.Imaging;

/// <summary>
/// An image could not be decoded: missing, empty, unsupported, corrupt or truncated, or too large to decode within
/// the memory bound. The message names the file and what is wrong. An <see cref="IOException"/> because
/// <see cref="InvalidDataException"/> is sealed.
/// </summary>
public sealed class ImageDecodeException : IOException
{
    public ImageDecodeException()
    {
    }

    public ImageDecodeException(string message)
        : base(message)
    {
    }

    public ImageDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
