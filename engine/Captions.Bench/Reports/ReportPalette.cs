using System.Globalization;

namespace Captions.Bench.Reports;

/// <summary>
/// Colours of the HTML report: one per configuration (Tableau 10, whose hues stay apart for colour-blind readers)
/// and one per pipeline stage, chosen from different hues so a stage bar is never mistaken for a configuration.
/// The rendering test looks for these exact colours in a screenshot.
/// </summary>
internal static class ReportPalette
{
    public const string Recognised = "#4e79a7";
    public const string Translated = "#f28e2b";
    public const string Presented = "#59a14f";
    public const string ReferenceWord = "#bab0ac";
    public const string ReferenceWordAlternate = "#9d9390";

    private static readonly string[] s_series = ["#e15759", "#76b7b2", "#b07aa1", "#edc948", "#ff9da7", "#9c755f", "#17becf", "#7f7f7f"];

    /// <summary>Colour of the configuration at <paramref name="index"/> (cycles after eight).</summary>
    public static string Series(int index) => s_series[index % s_series.Length];

    /// <summary>
    /// The colour blended halfway to white: partial versions and sampled points, drawn opaque (not with opacity) so
    /// the legend swatch and the marks have the same pixel colour.
    /// </summary>
    public static string Light(string color)
    {
        int r = Convert.ToInt32(color.Substring(1, 2), 16);
        int g = Convert.ToInt32(color.Substring(3, 2), 16);
        int b = Convert.ToInt32(color.Substring(5, 2), 16);
        return string.Create(CultureInfo.InvariantCulture, $"#{(r + 255) / 2:x2}{(g + 255) / 2:x2}{(b + 255) / 2:x2}");
    }
}
