using System.Globalization;
using System.Text;

namespace Captions.Engine.Translation.Prompting;

/// <summary>Counts letters by writing system, and a length that weighs dense scripts (one CJK char ~ three Latin chars).</summary>
internal readonly record struct ScriptProfile(int Latin, int Cjk, int Hangul, int Cyrillic, int Arabic, int Other, double WeightedLength)
{
    public int Letters => Latin + Cjk + Hangul + Cyrillic + Arabic + Other;

    public static ScriptProfile Of(string text)
    {
        int latin = 0, cjk = 0, hangul = 0, cyrillic = 0, arabic = 0, other = 0;
        double weighted = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            if (!Rune.IsLetter(rune))
            {
                weighted += Rune.IsWhiteSpace(rune) ? 1 : (Rune.IsDigit(rune) ? 1 : 0.5);
                continue;
            }

            if (v is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x3040 and <= 0x30FF) or (>= 0x20000 and <= 0x2FFFF))
            {
                cjk++;
                weighted += 3;
            }
            else if (v is (>= 0xAC00 and <= 0xD7AF) or (>= 0x1100 and <= 0x11FF))
            {
                hangul++;
                weighted += 2.5;
            }
            else if (v is >= 0x0400 and <= 0x052F)
            {
                cyrillic++;
                weighted += 1;
            }
            else if (v is (>= 0x0600 and <= 0x06FF) or (>= 0x0590 and <= 0x05FF))
            {
                arabic++;
                weighted += 1;
            }
            else if (v < 0x0250 || (v is >= 0x1E00 and <= 0x1EFF))
            {
                latin++;
                weighted += 1;
            }
            else
            {
                other++;
                weighted += Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter ? 2 : 1;
            }
        }

        return new ScriptProfile(latin, cjk, hangul, cyrillic, arabic, other, weighted);
    }

    /// <summary>The script a language is written in, for the codes where that is unambiguous; null = Latin or unknown.</summary>
    public static Func<ScriptProfile, int>? ExpectedScript(string language) => language.ToLowerInvariant() switch
    {
        "zh" or "ja" => p => p.Cjk,
        "ko" => p => p.Hangul,
        "ru" or "uk" or "bg" or "sr" => p => p.Cyrillic,
        "ar" or "he" or "fa" => p => p.Arabic,
        "en" or "es" or "fr" or "de" or "it" or "pt" or "nl" or "ca" or "pl" or "sv" or "tr" or "vi" or "id" => p => p.Latin,
        _ => null,
    };
}
