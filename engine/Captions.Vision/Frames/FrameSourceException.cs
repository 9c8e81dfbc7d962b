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

    /// <summary>The failure factory <see cref="Captions.Engine.Processes.FfmpegProcess.Start"/> takes.</summary>
    internal static FrameSourceException Create(string message, Exception? innerException) =>
        innerException is null ? new FrameSourceException(message) : new FrameSourceException(message, innerException);
}
