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
                result[match.Groups["id"].Value] = match.Groups["text"].Value.Trim();
            }
        }

        return result;
    }

    [GeneratedRegex(@"^(?<text>.*)\((?<id>[^()]+)\)\s*$")]
    private static partial Regex LinePattern();
}
