using System.Text;
using System.Text.RegularExpressions;

namespace Captions.TestKit.Captions;

/// <summary>
/// A strict WebVTT reader (W3C WebVTT, "file using only nested cues" subset) for round-trip tests: optional BOM,
/// <c>WEBVTT</c> (optionally followed by a space or tab and text) then a blank line; blocks separated by blank lines;
/// NOTE, STYLE and REGION blocks skipped (STYLE/REGION only before the first cue); a cue is an optional identifier
/// (no "-->"), a timing line <c>[HH+:]MM:SS.mmm --> [HH+:]MM:SS.mmm [settings]</c> with end after start and starts
/// in order, and text lines without "-->", where '&amp;' must start a character reference and '&lt;' a cue tag.
/// Returned text has references decoded and tags removed. Violations throw <see cref="SubtitleFormatException"/>.
/// </summary>
public static partial class WebVttParser
{
    private const string Format = "WebVTT";

    public static IReadOnlyList<SubtitleCue> ParseFile(string path) => Parse(SubtitleText.ReadUtf8(path, out _));

    public static IReadOnlyList<SubtitleCue> Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > 0 && content[0] == '\uFEFF')
        {
            content = content[1..];
        }

        string[] lines = SubtitleText.SplitLines(content, Format, allowCarriageReturnOnly: true);
        if (lines.Length == 0 || !(lines[0] == "WEBVTT" || ((lines[0].StartsWith("WEBVTT ", StringComparison.Ordinal)
            || lines[0].StartsWith("WEBVTT\t", StringComparison.Ordinal)) && !lines[0].Contains("-->", StringComparison.Ordinal))))
        {
            throw new SubtitleFormatException(Format, 1, $"the file must start with \"WEBVTT\", found \"{(lines.Length == 0 ? "" : lines[0])}\"");
        }

        if (lines.Length > 1 && lines[1].Length != 0)
        {
            throw new SubtitleFormatException(Format, 2, "the WEBVTT line must be followed by a blank line");
        }

        var cues = new List<SubtitleCue>();
        int i = 1;
        while (true)
        {
            while (i < lines.Length && lines[i].Length == 0)
            {
                i++;
            }

            if (i >= lines.Length)
            {
                return cues;
            }

            int blockStart = i;
            var block = new List<string>();
            while (i < lines.Length && lines[i].Length > 0)
            {
                block.Add(lines[i]);
                i++;
            }

            string first = block[0];
            if (IsKeywordBlock(first, "NOTE"))
            {
                RejectArrow(block, blockStart, 0, "a NOTE block");
                continue;
            }

            if (IsKeywordBlock(first, "STYLE") || IsKeywordBlock(first, "REGION"))
            {
                if (cues.Count > 0)
                {
                    throw new SubtitleFormatException(Format, blockStart + 1, $"a {first.Split(' ')[0]} block after the first cue");
                }

                RejectArrow(block, blockStart, 0, "a STYLE/REGION block");
                continue;
            }

            cues.Add(ParseCue(block, blockStart, cues.Count > 0 ? cues[^1].Start : null));
        }
    }

    private static SubtitleCue ParseCue(List<string> block, int blockStart, TimeSpan? previousStart)
    {
        int timingIndex = block[0].Contains("-->", StringComparison.Ordinal) ? 0 : 1;
        string? identifier = timingIndex == 1 ? block[0] : null;
        if (timingIndex >= block.Count)
        {
            throw new SubtitleFormatException(Format, blockStart + 1, $"block \"{block[0]}\" is neither a cue (no timing line follows) nor a NOTE");
        }

        int timingLine = blockStart + timingIndex + 1;
        var match = TimingLine().Match(block[timingIndex]);
        if (!match.Success)
        {
            throw new SubtitleFormatException(Format, timingLine, $"expected \"[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm\", found \"{block[timingIndex]}\"");
        }

        var start = SubtitleText.ParseTimestamp(match.Groups["start"].Value, '.', hoursOptional: true)
            ?? throw new SubtitleFormatException(Format, timingLine, $"bad start timestamp \"{match.Groups["start"].Value}\"");
        var end = SubtitleText.ParseTimestamp(match.Groups["end"].Value, '.', hoursOptional: true)
            ?? throw new SubtitleFormatException(Format, timingLine, $"bad end timestamp \"{match.Groups["end"].Value}\"");
        if (end <= start)
        {
            throw new SubtitleFormatException(Format, timingLine, $"cue ends at {end}, not after its start {start}");
        }

        if (start < previousStart)
        {
            throw new SubtitleFormatException(Format, timingLine, $"cue starts at {start} before the previous cue ({previousStart})");
        }

        RejectArrow(block, blockStart, timingIndex + 1, "cue text");
        var text = new List<string>();
        for (int l = timingIndex + 1; l < block.Count; l++)
        {
            text.Add(DecodeCueText(block[l], blockStart + l + 1));
        }

        return new SubtitleCue(identifier, start, end, text, blockStart + 1);
    }

    /// <summary>Resolves character references and removes cue tags, rejecting a bare '&amp;' or '&lt;'.</summary>
    private static string DecodeCueText(string line, int lineNumber)
    {
        var builder = new StringBuilder(line.Length);
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c == '&')
            {
                var reference = CharacterReference().Match(line, i);
                if (!reference.Success || reference.Index != i)
                {
                    throw new SubtitleFormatException(Format, lineNumber, $"a bare '&' at column {i + 1} (write &amp;)");
                }

                builder.Append(Decode(reference.Value));
                i += reference.Length;
            }
            else if (c == '<')
            {
                var tag = CueTag().Match(line, i);
                if (!tag.Success || tag.Index != i)
                {
                    throw new SubtitleFormatException(Format, lineNumber, $"a '<' at column {i + 1} that starts no cue tag (write &lt;)");
                }

                i += tag.Length;
            }
            else
            {
                builder.Append(c);
                i++;
            }
        }

        return builder.ToString();
    }

    private static string Decode(string reference) => reference switch
    {
        "&amp;" => "&",
        "&lt;" => "<",
        "&gt;" => ">",
        "&nbsp;" => "\u00A0",
        "&lrm;" => "\u200E",
        "&rlm;" => "\u200F",
        _ when reference.StartsWith("&#x", StringComparison.OrdinalIgnoreCase) =>
            char.ConvertFromUtf32(Convert.ToInt32(reference[3..^1], 16)),
        _ => char.ConvertFromUtf32(int.Parse(reference[2..^1], System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static bool IsKeywordBlock(string line, string keyword) =>
        line == keyword || line.StartsWith(keyword + " ", StringComparison.Ordinal) || line.StartsWith(keyword + "\t", StringComparison.Ordinal);

    private static void RejectArrow(List<string> block, int blockStart, int from, string what)
    {
        for (int l = from; l < block.Count; l++)
        {
            if (block[l].Contains("-->", StringComparison.Ordinal))
            {
                throw new SubtitleFormatException(Format, blockStart + l + 1, $"\"-->\" inside {what}");
            }
        }
    }

    [GeneratedRegex(@"^(?<start>(?:\d{2,}:)?\d{2}:\d{2}\.\d{3})[ \t]+-->[ \t]+(?<end>(?:\d{2,}:)?\d{2}:\d{2}\.\d{3})(?:[ \t]+(?<settings>.*))?$")]
    private static partial Regex TimingLine();

    [GeneratedRegex(@"&(?:amp|lt|gt|nbsp|lrm|rlm|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")]
    private static partial Regex CharacterReference();

    [GeneratedRegex(@"</?(?:c|i|b|u|v|lang|ruby|rt)(?:\.[^\s.<>&]+)*(?:[ \t][^>\n]*)?>|<(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}>")]
    private static partial Regex CueTag();
}
