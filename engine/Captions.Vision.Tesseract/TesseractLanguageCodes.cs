using System.Globalization;

namespace Captions.Vision.Tesseract;

/// <summary>
/// ISO 639-1 codes (what the settings and <see cref="Ocr.RecognizedText.Language"/> use) to Tesseract's traineddata
/// names (ISO 639-2/T, with script suffixes) and back, for the languages Debian's tesseract-ocr-* packages cover.
/// </summary>
public static class TesseractLanguageCodes
{
    private static readonly Dictionary<string, string> s_toTesseract = new(StringComparer.Ordinal)
    {
        ["en"] = "eng",
        ["es"] = "spa",
        ["fr"] = "fra",
        ["de"] = "deu",
        ["it"] = "ita",
        ["pt"] = "por",
        ["nl"] = "nld",
        ["ja"] = "jpn",
        ["ko"] = "kor",
        ["zh"] = "chi_sim",
        ["ru"] = "rus",
    };

    private static readonly Dictionary<string, string> s_fromTesseract = s_toTesseract.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Tesseract's name for an ISO 639-1 code ("ja" -> "jpn"), or null when it is not known here.</summary>
    public static string? ToTesseract(string iso6391)
    {
        ArgumentNullException.ThrowIfNull(iso6391);
        return s_toTesseract.GetValueOrDefault(iso6391.Trim().ToLower(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The ISO 639-1 code of a Tesseract language set's first language ("jpn+eng" -> "ja", "chi_tra" -> "zh"), or
    /// null when it is not known here.
    /// </summary>
    public static string? FromTesseract(string tesseractLanguage)
    {
        ArgumentNullException.ThrowIfNull(tesseractLanguage);
        string first = tesseractLanguage.Split('+')[0];
        if (s_fromTesseract.TryGetValue(first, out string? iso))
        {
            return iso;
        }

        return first.StartsWith("chi_", StringComparison.Ordinal) ? "zh" : null;
    }
}
