namespace Captions.Bench.Alignment;

/// <summary>
/// A forced alignment could not be made: the transcript is empty or has a word the pronunciation dictionary
/// lacks, or the audio does not fit the transcript (silence, too short, other speech) so the decoder never
/// reached the transcript's last word. The message names the transcript word or the input at fault; a caller
/// that aligns a corpus adds which item it was.
/// </summary>
public sealed class AlignmentException : Exception
{
    public AlignmentException()
    {
    }

    public AlignmentException(string message)
        : base(message)
    {
    }

    public AlignmentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AlignmentException(string message, string? word, Exception? innerException = null)
        : base(message, innerException)
    {
        Word = word;
    }

    /// <summary>The transcript word at fault (as written in the transcript), when the failure is about one.</summary>
    public string? Word { get; }
}
