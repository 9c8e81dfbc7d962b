namespace Captions.TestKit.Captions;

/// <summary>A subtitle file breaks its format; the message names the line and what is wrong.</summary>
public sealed class SubtitleFormatException : FormatException
{
    public SubtitleFormatException(string format, int lineNumber, string problem)
        : base($"{format} line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
    }

    public SubtitleFormatException()
    {
    }

    public SubtitleFormatException(string message)
        : base(message)
    {
    }

    public SubtitleFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int LineNumber { get; }
}
