namespace Captions.Engine.Metrics.Latency;

/// <summary>An events file (JSON lines) that cannot be read; the message names the file and the line.</summary>
public sealed class EventLogException : Exception
{
    public EventLogException(string message)
        : base(message)
    {
    }

    public EventLogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
