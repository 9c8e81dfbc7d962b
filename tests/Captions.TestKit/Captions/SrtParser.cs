namespace Captions.TestKit.Captions;

/// <summary>
/// A strict SubRip (.srt) reader for round-trip tests. Accepts exactly: cue number (1, 2, 3... in order), a timing line
/// <c>HH:MM:SS,mmm --> HH:MM:SS,mmm</c> (one space each side of the arrow, minutes and seconds below 60, end after
/// start, starts in order), one or more non-blank text lines without "-->", then one blank line (optional after the last cue). LF
/// or CRLF line endings, and the file ends with a line break. Anything else throws
/// <see cref="SubtitleFormatException"/> naming the line: players are lenient, our writer must not need them to be.
/// </summary>
public static class SrtParser
{
    private const string Format = "SRT";

    /// <summary>Reads a file as strict UTF-8 and rejects a byte order mark.</summary>
    public static IReadOnlyList<SubtitleCue> ParseFile(string path)
    {
        string content = SubtitleText.ReadUtf8(path, out bool hadBom);
        if (hadBom)
        {
            throw new SubtitleFormatException(Format, 1, $"{path} starts with a UTF-8 byte order mark");
        }

        return Parse(content);
    }

    public static IReadOnlyList<SubtitleCue> Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > 0 && content[0] == '\uFEFF')
        {
            throw new SubtitleFormatException(Format, 1, "starts with a byte order mark");
        }

        if (content.Length > 0 && !content.EndsWith('\n'))
        {
            throw new SubtitleFormatException(Format, content.Count(c => c == '\n') + 1, "the file does not end with a line break");
        }

        string[] lines = SubtitleText.SplitLines(content, Format, allowCarriageReturnOnly: false);
        var cues = new List<SubtitleCue>();
        int i = 0;
        while (i < lines.Length)
        {
            int cueLine = i + 1;
            string expected = (cues.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (lines[i] != expected)
            {
                throw new SubtitleFormatException(Format, cueLine, $"expected cue number {expected}, found \"{lines[i]}\"");
            }

            i++;
            if (i >= lines.Length)
            {
                throw new SubtitleFormatException(Format, i + 1, "the file ends after a cue number (no timing line)");
            }

            var (start, end) = ParseTiming(lines[i], i + 1);
            if (cues.Count > 0 && start < cues[^1].Start)
            {
                throw new SubtitleFormatException(Format, i + 1, $"cue starts at {start} before the previous cue ({cues[^1].Start})");
            }

            i++;
            var text = new List<string>();
            while (i < lines.Length && lines[i].Length > 0)
            {
                if (string.IsNullOrWhiteSpace(lines[i]))
                {
                    throw new SubtitleFormatException(Format, i + 1, "a whitespace-only line inside cue text (looks blank, is not)");
                }

                if (lines[i].Contains("-->", StringComparison.Ordinal))
                {
                    // Most players would start a new cue here: a missing blank line, or text that cannot be shown.
                    throw new SubtitleFormatException(Format, i + 1, "\"-->\" inside cue text (a missing blank line before a cue?)");
                }

                text.Add(lines[i]);
                i++;
            }

            if (text.Count == 0)
            {
                throw new SubtitleFormatException(Format, i + 1, $"cue {expected} has no text");
            }

            cues.Add(new SubtitleCue(expected, start, end, text, cueLine));
            if (i < lines.Length)
            {
                i++; // the one blank line after a cue
                if (i < lines.Length && lines[i].Length == 0)
                {
                    throw new SubtitleFormatException(Format, i + 1, "two blank lines in a row (cues are separated by exactly one)");
                }
            }
        }

        return cues;
    }

    private static (TimeSpan Start, TimeSpan End) ParseTiming(string line, int lineNumber)
    {
        string[] parts = line.Split(" --> ");
        if (parts.Length != 2)
        {
            throw new SubtitleFormatException(Format, lineNumber, $"expected \"HH:MM:SS,mmm --> HH:MM:SS,mmm\", found \"{line}\"");
        }

        var start = SubtitleText.ParseTimestamp(parts[0], ',', hoursOptional: false)
            ?? throw new SubtitleFormatException(Format, lineNumber, $"bad start timestamp \"{parts[0]}\" (expected HH:MM:SS,mmm)");
        var end = SubtitleText.ParseTimestamp(parts[1], ',', hoursOptional: false)
            ?? throw new SubtitleFormatException(Format, lineNumber, $"bad end timestamp \"{parts[1]}\" (expected HH:MM:SS,mmm)");
        if (end <= start)
        {
            throw new SubtitleFormatException(Format, lineNumber, $"cue ends at {end}, not after its start {start}");
        }

        return (start, end);
    }
}
