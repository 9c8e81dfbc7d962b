namespace Captions.Engine.Metrics.Latency;

/// <summary>
/// Percentiles by linear interpolation between closest ranks (Hyndman and Fan 1996 definition 7, the default of
/// numpy.percentile and Excel PERCENTILE.INC): with the n values sorted ascending, rank r = p/100 * (n - 1) and the
/// result is v[floor r] + (r - floor r) * (v[floor r + 1] - v[floor r]). p50 of {1, 2, 3, 4} is 2.5; p95 of 1..20
/// is 19.05.
/// </summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percent"/>-th percentile (0..100) of <paramref name="values"/>; null when empty.</summary>
    public static double? Of(IEnumerable<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (double.IsNaN(percent) || percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile is between 0 and 100.");
        }

        double[] sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        if (Array.Exists(sorted, double.IsNaN))
        {
            throw new ArgumentException("The values contain NaN, which has no rank.", nameof(values));
        }

        Array.Sort(sorted);
        double rank = percent / 100 * (sorted.Length - 1);
        int lower = (int)Math.Floor(rank);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }
}
