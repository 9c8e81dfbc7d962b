using System.Text.RegularExpressions;

namespace Captions.Cli.Tests.Look;

/// <summary>One overlay line `captions look` printed: "[sign #3] NO PARKING -> Prohibido aparcar".</summary>
internal sealed partial record LookLine(string Kind, long Id, string Source, string? Translation)
{
    /// <summary>The overlay lines in print order (appearances and changes; "left" lines excluded).</summary>
    public static IReadOnlyList<LookLine> Parse(string output) => output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => Pattern().Match(line))
        .Where(match => match.Success)
        .Select(match => new LookLine(
            match.Groups["kind"].Value,
            long.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups["source"].Value,
            match.Groups["translation"].Success ? match.Groups["translation"].Value : null))
        .ToList();

    /// <summary>The last line printed for each overlay id, in first-appearance order.</summary>
    public static IReadOnlyList<LookLine> Final(string output)
    {
        var lines = Parse(output);
        return lines.Select(l => l.Id).Distinct().Select(id => lines.Last(l => l.Id == id)).ToList();
    }

    [GeneratedRegex(@"^\[(?<kind>sign|menu) #(?<id>\d+)\] (?<source>.*?)(?: -> (?<translation>.*))?$")]
    private static partial Regex Pattern();
}
