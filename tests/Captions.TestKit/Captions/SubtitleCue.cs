namespace Captions.TestKit.Captions;

/// <summary>A cue read back from an SRT or WebVTT file, with its text decoded (WebVTT escapes resolved).</summary>
/// <param name="Identifier">SRT: the cue number; WebVTT: the optional identifier (null when absent).</param>
/// <param name="LineNumber">1-based line of the cue's first line in the file, for messages.</param>
public sealed record SubtitleCue(string? Identifier, TimeSpan Start, TimeSpan End, IReadOnlyList<string> Lines, int LineNumber)
{
    /// <summary>The cue text with lines joined by '\n'.</summary>
    public string Text => string.Join('\n', Lines);
}
