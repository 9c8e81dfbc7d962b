using System.Text.RegularExpressions;

namespace Captions.Cli.Commands;

/// <summary>Reads a pocketsphinx-style transcription file: one "TEXT (fileid)" per line.</summary>
internal static partial class ReferenceTranscripts
{
    public static IReadOnlyDictionary<string, string> TryLoad(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        foreach (var line in File.ReadLines(path))
        {
            var match = LinePattern().Match(line);
            if (match.Success)
            {
                // pocketsphinx transcripts wrap each utterance in <s> ... </s>: markers, not words.
                var text = match.Groups["text"].Value.Replace("<s>", string.Empty, StringComparison.Ordinal).Replace("</s>", string.Empty, StringComparison.Ordinal);
                result[match.Groups["id"].Value] = text.Trim();
            }
        }

        return result;
    }

    [GeneratedRegex(@"^(?<text>.*)\((?<id>[^()]+)\)\s*$")]
    private static partial Regex LinePattern();
}
