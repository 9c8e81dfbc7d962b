using System.Globalization;

namespace Captions.Bench.Reports;

/// <summary>
/// Number formatting shared by the terminal table and the HTML report, so both print the same figure for the same
/// metric. Latencies are printed in milliseconds (whole numbers), rates and ratios with two decimals, and a missing
/// value ("not measured here") as <see cref="Missing"/> rather than 0, which would read as "no lag".
/// </summary>
internal static class ReportFormat
{
    public const string Missing = "-";

    /// <summary>Seconds as whole milliseconds ("850"), or "-".</summary>
    public static string Milliseconds(double? seconds) => seconds is { } s
        ? (double.IsFinite(s) ? (s * 1000).ToString("0", CultureInfo.InvariantCulture) : NonFinite(s))
        : Missing;

    /// <summary>Seconds with one decimal ("12.5"), or "-".</summary>
    public static string Seconds(double? seconds) => Number(seconds, "0.0");

    /// <summary>A ratio or real-time factor with two decimals ("0.42"), or "-".</summary>
    public static string Ratio(double? value) => Number(value, "0.00");

    /// <summary>A rate as a percentage with one decimal ("12.3%"), or "-".</summary>
    public static string Percent(double? rate) => rate is { } r
        ? (double.IsFinite(r) ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : NonFinite(r))
        : Missing;

    /// <summary>Word or character error rate, marked "CER" when it counts characters.</summary>
    public static string ErrorRate(double? rate, bool characters) =>
        rate is null ? Missing : Percent(rate) + (characters ? " CER" : string.Empty);

    /// <summary>Lag drift (tail lag late over early) as "1.15x", or "-".</summary>
    public static string Drift(double? ratio) => ratio is null ? Missing : Ratio(ratio) + "x";

    /// <summary>"missing/total" reference words, or "-" without an alignment.</summary>
    public static string MissingWords(int missing, int total) => total == 0
        ? Missing
        : string.Create(CultureInfo.InvariantCulture, $"{missing}/{total}");

    public static string Number(double? value, string format) => value is { } v
        ? (double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : NonFinite(v))
        : Missing;

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string NonFinite(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf";
}
