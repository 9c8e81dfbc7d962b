namespace Captions.Vision.Ocr;

/// <summary>The writing system a reading is mostly in, as <see cref="TextScript.Classify"/> tells it.</summary>
public enum WritingScript
{
    /// <summary>No letters at all (empty, digits, punctuation, symbols).</summary>
    None,

    /// <summary>Latin letters, with or without accents (basic, Latin-1, Extended A/B, Additional, full-width).</summary>
    Latin,

    /// <summary>Han ideographs only (Chinese, or Japanese kanji without any kana).</summary>
    Han,

    /// <summary>Hiragana or katakana present: Japanese (kana occur in no other language's ordinary text).</summary>
    Kana,

    /// <summary>Hangul syllables or jamo: Korean.</summary>
    Hangul,

    /// <summary>Letters of any other script (Cyrillic, Greek, Arabic, Thai, ...).</summary>
    Other,
}
