using System.Text;

namespace Captions.Vision.Ocr;

/// <summary>
/// Compares a PP-OCR reading of a Latin line with another recogniser's reading of the same crop, ignoring exactly
/// what PP-OCR's dictionary (ppocr_keys_v1) cannot spell: diacritics it lacks (ñ ç ö ô ê ...; it has only á í ó ú é
/// è à ä ü and a few capitals, and its readings of those are unreliable too), ß (which it reads as B), the symbols
/// € £ ¿ ¡, and spacing. Two readings with the same letters and digits after folding differ only in what PP-OCR could
/// not have read, so the other reading is the better one.
/// </summary>
public static class LatinFold
{
    // Latin-1 and the Latin Extended-A letters the languages Tesseract reads here use, beside their plain letters
    // (string normalisation is unavailable: the build runs with invariant globalisation).
    private const string Accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŸ";
    private const string Plain = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyY";

    /// <summary>True when <paramref name="primary"/> and <paramref name="other"/> fold to the same non-empty text.</summary>
    public static bool SameLetters(string primary, string other)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(other);
        string a = Fold(primary);
        return a.Length > 0 && string.Equals(a, Fold(other), StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="text"/> without diacritics, spaces and € £ ¿ ¡, with ß as B and œ/æ as oe/ae: "Straße 14,50 €"
    /// -> "StraBe14,50".
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            int accented = Accented.IndexOf(c, StringComparison.Ordinal);
            if (accented >= 0)
            {
                folded.Append(Plain[accented]);
                continue;
            }

            switch (c)
            {
                case 'ß' or 'ẞ':
                    folded.Append('B');
                    break;
                case 'œ':
                    folded.Append("oe");
                    break;
                case 'Œ':
                    folded.Append("OE");
                    break;
                case 'æ':
                    folded.Append("ae");
                    break;
                case 'Æ':
                    folded.Append("AE");
                    break;
                case '€' or '£' or '¿' or '¡':
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        folded.Append(c);
                    }

                    break;
            }
        }

        return folded.ToString();
    }

    /// <summary>True when <paramref name="text"/> has an accented Latin letter (or ß, œ, æ).</summary>
    public static bool HasAccents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            if (IsAccented(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when every accented letter in <paramref name="text"/> belongs to <paramref name="language"/>'s alphabet
    /// (es á é í ó ú ü ñ; fr à â ç é è ê ë î ï ô ù û ü ÿ œ æ; de ä ö ü ß); false for a language not listed here.
    /// </summary>
    public static bool UsesOnlyAccentsOf(string language, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? own = language switch
        {
            "es" => "áéíóúüñ",
            "fr" => "àâçéèêëîïôùûüÿœæ",
            "de" => "äöüß",
            _ => null,
        };
        if (own is null)
        {
            return false;
        }

        foreach (char c in text)
        {
            char lower = char.ToLowerInvariant(c);
            if (IsAccented(lower) && !own.Contains(lower, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The language a restored letter points at: ñ ¿ ¡ Spanish; ç œ and circumflexes French; ß ö German; null when
    /// none is present (plain Latin, or letters several of them share).
    /// </summary>
    public static string? LanguageHint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            switch (char.ToLowerInvariant(c))
            {
                case 'ñ' or '¿' or '¡':
                    return "es";
                case 'ç' or 'œ' or 'â' or 'ê' or 'î' or 'ô' or 'û':
                    return "fr";
                case 'ß' or 'ö':
                    return "de";
                default:
                    break;
            }
        }

        return null;
    }

    // A letter PP-OCR may drop or misspell: one of Accented, or ß, œ, æ in either case.
    private static bool IsAccented(char c) => Accented.Contains(c, StringComparison.Ordinal) || c is 'ß' or 'ẞ' or 'œ' or 'Œ' or 'æ' or 'Æ';
}
