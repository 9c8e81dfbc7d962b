using System.Text;

namespace Captions.Engine.Metrics.Latency;

/// <summary>
/// Character error rate for scripts written without spaces (Chinese, Japanese, Thai): the Levenshtein distance of
/// <see cref="WordErrorRate"/> over characters instead of words. Both texts are normalised first: letters and digits
/// are kept (lower-cased), whitespace, punctuation and symbols are dropped, so "你好，世界" and "你好 世界" are the
/// same four characters. A character is a Unicode scalar value (a <see cref="Rune"/>), so characters outside the
/// Basic Multilingual Plane count once.
/// </summary>
public static class CharacterErrorRate
{
    /// <summary>Edit counts in characters (the "words" of the result are characters).</summary>
    public static WordErrorCounts Compute(string reference, string hypothesis)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(hypothesis);
        return WordErrorRate.Compute(Normalize(reference), Normalize(hypothesis));
    }

    /// <summary>The kept characters of <paramref name="text"/>, one string per Unicode scalar value.</summary>
    public static IReadOnlyList<string> Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var characters = new List<string>(text.Length);
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                characters.Add(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return characters;
    }
}
