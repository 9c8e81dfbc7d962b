using System.Diagnostics;
using System.Globalization;

namespace Captions.Benchmarks.Vision;

/// <summary>Percentiles, character error rate and the machine's load, for the vision runner.</summary>
internal static class VisionStats
{
    /// <summary>Nearest-rank percentile (0 when there are no samples).</summary>
    internal static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    internal static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    /// <summary>
    /// Edit distance over characters (exact: case, accents, spaces and punctuation all count) divided by the expected
    /// length; lines joined with '\n' compare as written.
    /// </summary>
    internal static double CharacterErrorRate(string expected, string actual)
    {
        if (expected.Length == 0)
        {
            return actual.Length == 0 ? 0 : 1;
        }

        var previous = new int[actual.Length + 1];
        var current = new int[actual.Length + 1];
        for (var j = 0; j <= actual.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= expected.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= actual.Length; j++)
            {
                var substitution = previous[j - 1] + (expected[i - 1] == actual[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[actual.Length] / (double)expected.Length;
    }

    /// <summary>The 1, 5 and 15 minute load averages ("2.10 1.85 1.40"), or "unknown".</summary>
    internal static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    internal static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
