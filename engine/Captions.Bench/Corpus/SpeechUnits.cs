using System.Text;

namespace Captions.Bench.Corpus;

/// <summary>
/// Splits a synth text into the units espeak-ng speaks one at a time, each of which becomes one reference word.
/// Spaced scripts: the words of <see cref="Captions.Engine.Metrics.WordErrorRate.Normalize"/> (same rule: letters and
/// digits, an apostrophe between letters, everything else a break), spoken with their original case and written
/// lower-cased, so the reference words are exactly the tokens WER counts. Chinese and Japanese: one unit per
/// character, the tokens of <see cref="Captions.Engine.Metrics.Latency.CharacterErrorRate.Normalize"/>, because these
/// scripts have no spaces and a character is a syllable.
/// </summary>
internal static class SpeechUnits
{
    /// <summary>Languages written without spaces, whose reference words are characters.</summary>
    public static bool IsCharacterScript(string language) => language is "zh" or "ja";

    /// <summary>(what espeak-ng says, the reference word) for each unit of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<(string Spoken, string Word)> Split(string text, string language)
    {
        var units = new List<(string, string)>();
        if (IsCharacterScript(language))
        {
            foreach (Rune rune in text.EnumerateRunes())
            {
                if (Rune.IsLetterOrDigit(rune))
                {
                    units.Add((rune.ToString(), Rune.ToLowerInvariant(rune).ToString()));
                }
            }

            return units;
        }

        var word = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c)
                || (c is '\'' or '\u2019' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1])))
            {
                word.Append(c is '\u2019' ? '\'' : c);
            }
            else if (word.Length > 0)
            {
                units.Add((word.ToString(), word.ToString().ToLowerInvariant()));
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            units.Add((word.ToString(), word.ToString().ToLowerInvariant()));
        }

        return units;
    }
}
