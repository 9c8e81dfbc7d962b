using System.Collections.Frozen;

namespace Captions.Translation.Apertium;

/// <summary>
/// Maps the ISO 639-1 codes Captions speaks ("en", "en-US") to the codes Apertium's mode names use. Debian's pair
/// names mix both schemes ("eng-spa" but "fr-es", "en-gl"), so every language has one canonical key (its 639-1 code
/// when it has one) and both spellings resolve to it.
/// </summary>
internal static class ApertiumLanguageCodes
{
    // ISO 639-3 (Apertium's current naming) -> ISO 639-1, for the languages Debian bookworm's Apertium pairs cover.
    private static readonly FrozenDictionary<string, string> s_threeToTwo = new Dictionary<string, string>
    {
        ["afr"] = "af", ["arg"] = "an", ["bel"] = "be", ["bre"] = "br", ["bul"] = "bg", ["cat"] = "ca",
        ["dan"] = "da", ["eng"] = "en", ["epo"] = "eo", ["eus"] = "eu", ["fra"] = "fr", ["glg"] = "gl",
        ["hbs"] = "sh", ["hin"] = "hi", ["ind"] = "id", ["isl"] = "is", ["ita"] = "it", ["mkd"] = "mk",
        ["msa"] = "ms", ["zlm"] = "ms", ["nld"] = "nl", ["nno"] = "nn", ["nob"] = "nb", ["nor"] = "no",
        ["oci"] = "oc", ["pol"] = "pl", ["por"] = "pt", ["ron"] = "ro", ["rus"] = "ru", ["slv"] = "sl",
        ["spa"] = "es", ["srd"] = "sc", ["swe"] = "sv", ["ukr"] = "uk", ["urd"] = "ur",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The canonical key for <paramref name="code"/>: lower case, region dropped ("en-US" -> "en"), 639-3 folded to
    /// 639-1 when one exists ("eng" -> "en"); codes without a 639-1 form ("ast", "frp", "szl") stay as they are.
    /// </summary>
    public static string Canonical(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        string trimmed = code.Trim().ToLowerInvariant();
        int cut = trimmed.IndexOfAny(['-', '_']);
        if (cut > 0)
        {
            trimmed = trimmed[..cut];
        }

        return s_threeToTwo.TryGetValue(trimmed, out string? two) ? two : trimmed;
    }
}
