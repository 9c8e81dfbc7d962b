using System.Text;

namespace Captions.Vision.Ocr;

/// <summary>
/// Classifies a reading by script, which is how the OCR router tells Japanese, Korean and Chinese apart without a
/// language model: kana mean Japanese, hangul Korean, Han alone Chinese.
/// </summary>
public static class TextScript
{
    /// <summary>
    /// The dominant script of <paramref name="text"/>: <see cref="WritingScript.Kana"/> when any kana is present
    /// (Japanese mixes kana with more numerous kanji, and Chinese never has kana), otherwise the script with the most
    /// letters (ties: Hangul, Han, Latin, Other), <see cref="WritingScript.None"/> without letters.
    /// </summary>
    public static WritingScript Classify(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return WritingScript.None;
        }

        int latin = 0, han = 0, kana = 0, hangul = 0, other = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            switch (Of(rune))
            {
                case WritingScript.Latin: latin++; break;
                case WritingScript.Han: han++; break;
                case WritingScript.Kana: kana++; break;
                case WritingScript.Hangul: hangul++; break;
                case WritingScript.Other: other++; break;
                default: break;
            }
        }

        if (kana > 0)
        {
            return WritingScript.Kana;
        }

        int best = Math.Max(Math.Max(latin, han), Math.Max(hangul, other));
        return best == 0 ? WritingScript.None
            : hangul == best ? WritingScript.Hangul
            : han == best ? WritingScript.Han
            : latin == best ? WritingScript.Latin
            : WritingScript.Other;
    }

    /// <summary>The script of one character; <see cref="WritingScript.None"/> for digits, punctuation, spaces.</summary>
    public static WritingScript Of(Rune rune)
    {
        int c = rune.Value;
        if (IsKana(c))
        {
            return WritingScript.Kana;
        }

        if (IsHangul(c))
        {
            return WritingScript.Hangul;
        }

        if (IsHan(c))
        {
            return WritingScript.Han;
        }

        if (!Rune.IsLetter(rune))
        {
            return WritingScript.None;
        }

        return IsLatin(c) ? WritingScript.Latin : WritingScript.Other;
    }

    /// <summary>True when <paramref name="text"/> has at least one hiragana or katakana.</summary>
    public static bool ContainsKana(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (Rune rune in text.EnumerateRunes())
        {
            if (IsKana(rune.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for characters written without spaces between them (Han and kana): Tesseract's jpn and
    /// chi_sim readings put spaces between such characters that the text does not have.</summary>
    public static bool IsUnspaced(Rune rune) => IsKana(rune.Value) || IsHan(rune.Value);

    /// <summary>The ISO 639-1 language a script implies: Kana ja, Hangul ko, Han zh; null for the rest.</summary>
    public static string? LanguageOf(WritingScript script) => script switch
    {
        WritingScript.Kana => "ja",
        WritingScript.Hangul => "ko",
        WritingScript.Han => "zh",
        _ => null,
    };

    // Hiragana, katakana (with the prolonged sound mark), phonetic extensions, half-width katakana.
    private static bool IsKana(int c) =>
        c is (>= 0x3041 and <= 0x309F) or (>= 0x30A0 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF66 and <= 0xFF9F);

    // Syllables, jamo, compatibility jamo, extended jamo A/B, half-width jamo.
    private static bool IsHangul(int c) =>
        c is (>= 0xAC00 and <= 0xD7AF) or (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F)
            or (>= 0xA960 and <= 0xA97F) or (>= 0xD7B0 and <= 0xD7FF) or (>= 0xFFA0 and <= 0xFFDC);

    // CJK unified ideographs with extension A and the supplementary planes, compatibility ideographs, and the
    // iteration mark 々 and 〇 which count as kanji.
    private static bool IsHan(int c) =>
        c is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x3134F) or 0x3005 or 0x3007;

    // Basic Latin to Latin Extended-B, IPA excluded; Latin Extended Additional; full-width A-Z a-z.
    private static bool IsLatin(int c) =>
        c is (>= 0x41 and <= 0x24F) or (>= 0x1E00 and <= 0x1EFF) or (>= 0xFF21 and <= 0xFF5A);
}
