namespace Captions.Benchmarks.Rendering;

/// <summary>
/// One measured quantity: wall-time samples (one per frame, change or upload) plus, when measured, process CPU per
/// sample and bytes allocated on the measuring thread over the whole window. Percentiles are nearest-rank.
/// </summary>
internal sealed class Measurement(string key, string label, string unit, double[] samples)
{
    public string Key { get; } = key;

    public string Label { get; } = label;

    /// <summary>"ms" or "us".</summary>
    public string Unit { get; } = unit;

    public IReadOnlyList<double> Samples { get; } = samples;

    public double P50 { get; } = Percentile(samples, 0.50);

    public double P95 { get; } = Percentile(samples, 0.95);

    public double Mean { get; } = samples.Length == 0 ? double.NaN : samples.Average();

    /// <summary>Process CPU time per sample, in <see cref="Unit"/>; null when not measured.</summary>
    public double? CpuPerSample { get; init; }

    /// <summary>Bytes allocated on the measuring thread over all samples; null when not measured.</summary>
    public long? AllocatedBytes { get; init; }

    /// <summary>Free-form detail for the table (e.g. phase split, glyph counts).</summary>
    public string Note { get; init; } = string.Empty;

    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }
}
