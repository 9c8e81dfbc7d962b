namespace Captions.Vision.Frames;

/// <summary>A frame source could not start or failed mid-stream; the message names the input and what is wrong.</summary>
public sealed class FrameSourceException : Exception
{
    public FrameSourceException(string message)
        : base(message)
    {
    }

    public FrameSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
