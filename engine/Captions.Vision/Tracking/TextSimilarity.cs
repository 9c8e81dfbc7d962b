using Captions.Engine.Translation;

namespace Captions.Vision.Tracking;

/// <summary>
/// How alike two OCR readings are: 1 - Levenshtein distance / longer length, on the translation cache's normalised
/// form (case, spacing and Unicode composition do not count). "EXIT" vs "EX1T" = 0.75; unrelated words near 0.
/// </summary>
public static class TextSimilarity
{
    public static float Of(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var x = TranslationCache.Normalize(a);
        var y = TranslationCache.Normalize(b);
        var longer = Math.Max(x.Length, y.Length);
        return longer == 0 ? 1f : 1f - ((float)EditDistance(x, y) / longer);
    }

    /// <summary>Levenshtein distance in UTF-16 code units (two rows, O(min) memory).</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
