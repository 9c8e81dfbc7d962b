namespace Captions.Engine.Metrics.Latency;

/// <summary>
/// Lag drift: p95 lag in the last window of the session over p95 lag in the first window (issue 6: "p95 in the last
/// 5 minutes over the first 5"). 1 means no drift; 2 means the tail lag doubled, e.g. a queue that grows.
/// </summary>
/// <remarks>
/// The session spans from the earliest to the latest sample time. The first window is [first, first + w), the last
/// is (last - w, last]. The two windows must not overlap, so the session must span at least 2w; percentiles are
/// <see cref="Percentiles.Of"/> (linear interpolation).
/// </remarks>
public static class LagDrift
{
    /// <summary>Default window: 300 s = 5 minutes.</summary>
    public const double DefaultWindowSeconds = 300;

    /// <summary>
    /// p95(last window) / p95(first window); null when the session spans less than two windows or the first
    /// window's p95 is not positive (no meaningful ratio).
    /// </summary>
    public static double? Compute(IReadOnlyList<LagSample> samples, double windowSeconds = DefaultWindowSeconds)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (!(windowSeconds > 0) || double.IsInfinity(windowSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(windowSeconds), windowSeconds, "The window must be a positive number of seconds.");
        }

        if (samples.Count == 0)
        {
            return null;
        }

        double first = samples.Min(s => s.TimeSeconds);
        double last = samples.Max(s => s.TimeSeconds);
        if (last - first < 2 * windowSeconds)
        {
            return null;
        }

        double? head = Percentiles.Of(samples.Where(s => s.TimeSeconds < first + windowSeconds).Select(s => s.LagSeconds), 95);
        double? tail = Percentiles.Of(samples.Where(s => s.TimeSeconds > last - windowSeconds).Select(s => s.LagSeconds), 95);
        if (head is not > 0 || tail is null)
        {
            return null;
        }

        return tail / head;
    }
}
