using System.Globalization;
using System.Text;
using Captions.Vision.Imaging;

namespace Captions.Vision.Ocr;

/// <summary>
/// Picks the recogniser for each crop by the configured source language: the primary one (PP-OCR: Chinese and
/// Latin) or a per-language secondary (Tesseract: the scripts PP-OCR's dictionary lacks), and says in
/// <see cref="RecognizedText.Language"/> which language the text was read as.
/// </summary>
/// <remarks>
/// <para>Routes, by the configured language (ISO 639-1; a region or script suffix such as "zh-CN" is ignored):</para>
/// <list type="bullet">
/// <item>"zh", "en": the primary. It reads both well.</item>
/// <item>Any other language ("ja", "ko", "es", "fr", "de", ...): the secondary for that language straight away, the
/// primary only when no secondary exists for it (counted in <see cref="FallbackReads"/>). Accented Latin goes
/// straight to the secondary because PP-OCR's ppocr_keys_v1 cannot spell the languages: it has á í ó ú é è ä ü à
/// but no ñ ¿ ¡ (Spanish), ç ê â î ô û œ « (French), ö ß Ä (German). Its reading of "Größe" or "niño" is wrong
/// however confident it is, and nothing in that reading says so; trying the primary first would add its time
/// to every such crop and catch nothing.</item>
/// <item>"auto" (or empty): the primary first, then, from its reading: kana present means Japanese (Chinese has none,
/// and PP-OCR knows only five kana, so the rest of the line is likely misread): re-read as "ja". Otherwise, when
/// empty or under <see cref="OcrLanguageRouterOptions.LowConfidence"/>: re-read with each
/// <see cref="OcrLanguageRouterOptions.AutoCandidates"/> language ("ja", "ko") and keep the most confident reading
/// whose script fits its language (a "ko" reading must have hangul, a "ja" one kana or Han). Otherwise, Latin with
/// an accent PP-OCR does know hints the language (ä ü: "de"; è à: "fr"; é É: "fr", which also shares é with
/// Spanish): re-read with that language and keep it at <see cref="OcrLanguageRouterOptions.AccentHintMinimumConfidence"/>
/// or above. A confident Han reading with more than <see cref="OcrLanguageRouterOptions.HanWidthPerCharacter"/> line heights of
/// crop per character dropped characters, as PP-OCR does with kana: re-read as "ja", and kept when that has kana.
/// Otherwise a Latin or digits-only reading is re-read in each of
/// <see cref="OcrLanguageRouterOptions.LatinRereads"/> (Tesseract spa, fra, deu), and the most confident re-read is
/// kept that is PP-OCR's reading letter for letter once diacritics, ß (which PP-OCR reads as B), spaces and the
/// symbols PP-OCR lacks (€ £ ¿ ¡) are folded away, and whose accents are its own language's; only when PP-OCR's
/// reading has no accent at all, so one it did read ("Café") is never overridden: PP-OCR reads "Niños" as
/// a confident "Ninos" and "14,50 €" as "14,50", and with no language configured nothing else says an accent or a
/// currency sign was lost; where the readings disagree on a letter, PP-OCR's stands. Language then comes from
/// the script (Han zh, kana ja, hangul ko), or from the letters the re-read restored (ñ es, ç and circumflexes fr,
/// ß and ö de), null for other Latin.</item>
/// </list>
/// <para>The router owns none of the recognisers: the caller keeps them warm and disposes them.</para>
/// <para>Threading model: one call at a time (like every <see cref="ITextRecognizer"/>); the secondary lookup is
/// cached per language on first use.</para>
/// </remarks>
public sealed class OcrLanguageRouter : ITextRecognizer
{
    /// <summary>The configured language that means "decide from the reading".</summary>
    public const string Auto = "auto";

    private readonly ITextRecognizer _primary;
    private readonly Func<string, ITextRecognizer?> _secondaryFor;
    private readonly OcrLanguageRouterOptions _options;
    private readonly Dictionary<string, ITextRecognizer?> _secondaries = new(StringComparer.Ordinal);

    /// <param name="primary">The recogniser for Chinese and Latin (PP-OCR).</param>
    /// <param name="secondaryForLanguage">The recogniser for an ISO 639-1 language ("ja" -> Tesseract jpn), or null
    /// when none is installed for it. Called at most once per language.</param>
    /// <param name="sourceLanguage">The configured source language (ISO 639-1, "auto", or empty for auto).</param>
    /// <param name="options">Tuning of the auto rule; defaults when null.</param>
    public OcrLanguageRouter(ITextRecognizer primary, Func<string, ITextRecognizer?> secondaryForLanguage, string sourceLanguage, OcrLanguageRouterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(secondaryForLanguage);
        ArgumentNullException.ThrowIfNull(sourceLanguage);
        _primary = primary;
        _secondaryFor = secondaryForLanguage;
        _options = options ?? new OcrLanguageRouterOptions();
        SourceLanguage = Normalize(sourceLanguage);
    }

    /// <summary>The configured language, normalised: lower-case ISO 639-1 or <see cref="Auto"/>.</summary>
    public string SourceLanguage { get; }

    public string Name => $"router:{SourceLanguage}";

    /// <summary>Crops read by the primary recogniser (including auto's first reading).</summary>
    public long PrimaryReads { get; private set; }

    /// <summary>Crops read by a secondary recogniser (including auto's re-reads).</summary>
    public long SecondaryReads { get; private set; }

    /// <summary>"auto" Latin readings replaced by the Latin re-read (accents, ß or a currency sign restored).</summary>
    public long LatinRereads { get; private set; }

    /// <summary>Crops of a configured non-primary language read by the primary because no secondary exists for it.</summary>
    public long FallbackReads { get; private set; }

    /// <summary>True when <paramref name="language"/> (ISO 639-1) is read by the primary recogniser.</summary>
    public static bool IsPrimaryLanguage(string language) => Normalize(language) is "zh" or "en";

    public RecognizedText Recognize(ImageFrame crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        if (SourceLanguage == Auto)
        {
            return RecognizeAuto(crop);
        }

        if (IsPrimaryLanguage(SourceLanguage))
        {
            return ReadPrimary(crop) with { Language = SourceLanguage };
        }

        ITextRecognizer? secondary = Secondary(SourceLanguage);
        if (secondary is null)
        {
            FallbackReads++;
            return ReadPrimary(crop) with { Language = SourceLanguage };
        }

        SecondaryReads++;
        return secondary.Recognize(crop) with { Language = SourceLanguage };
    }

    /// <summary>Does nothing: the router owns none of its recognisers.</summary>
    public void Dispose()
    {
    }

    private RecognizedText RecognizeAuto(ImageFrame crop)
    {
        RecognizedText primary = ReadPrimary(crop);
        WritingScript script = TextScript.Classify(primary.Text);

        if (script == WritingScript.Kana)
        {
            RecognizedText? japanese = ReadAs("ja", crop);
            return japanese is { } read && Fits("ja", read.Text)
                ? read with { Language = "ja" }
                : primary with { Language = "ja" };
        }

        if (string.IsNullOrWhiteSpace(primary.Text) || primary.Confidence < _options.LowConfidence)
        {
            RecognizedText best = primary with { Language = TextScript.LanguageOf(script) };
            foreach (string candidate in _options.AutoCandidates)
            {
                string language = Normalize(candidate);
                if (ReadAs(language, crop) is { } read && Fits(language, read.Text) && read.Confidence > best.Confidence)
                {
                    best = read with { Language = language };
                }
            }

            return best;
        }

        // Confident but short: a low-confidence Han reading (hangul PP-OCR cannot spell) went to the candidates above.
        if (script == WritingScript.Han && DroppedCharacters(primary.Text, crop)
            && ReadAs("ja", crop) is { } kana && TextScript.ContainsKana(kana.Text))
        {
            return kana with { Language = "ja" };
        }

        if (script == WritingScript.Latin && AccentHint(primary.Text) is { } hinted
            && ReadAs(hinted, crop) is { } accented
            && !string.IsNullOrWhiteSpace(accented.Text)
            && accented.Confidence >= _options.AccentHintMinimumConfidence)
        {
            return accented with { Language = hinted };
        }

        if (script is WritingScript.Latin or WritingScript.None && !LatinFold.HasAccents(primary.Text)
            && RereadLatin(primary, crop) is { } restored)
        {
            LatinRereads++;
            return restored;
        }

        return primary with { Language = TextScript.LanguageOf(script) };
    }

    // Each LatinRereads language reads the crop; a reading counts when it folds to PP-OCR's letters and uses only its
    // own language's accents (a single-language model rarely strays, a joint deu+spa+fra one read "Más" as "Mäs").
    // The most confident such reading that differs from PP-OCR's wins.
    private RecognizedText? RereadLatin(RecognizedText primary, ImageFrame crop)
    {
        RecognizedText? best = null;
        foreach (string candidate in _options.LatinRereads)
        {
            string language = Normalize(candidate);
            if (ReadAs(language, crop) is { } read
                && !string.Equals(read.Text, primary.Text, StringComparison.Ordinal)
                && LatinFold.SameLetters(primary.Text, read.Text)
                && LatinFold.UsesOnlyAccentsOf(language, read.Text)
                && (best is null || read.Confidence > best.Value.Confidence))
            {
                best = read with { Language = LatinFold.LanguageHint(read.Text) };
            }
        }

        return best;
    }

    // A Han reading far shorter than its crop: each Han character is about as wide as the line is tall, so more than
    // HanWidthPerCharacter line heights of crop per character read means characters were left out, which is what
    // PP-OCR does with kana it cannot spell ("天ぷらそば" read "天" at 0.97).
    private bool DroppedCharacters(string text, ImageFrame crop)
    {
        int characters = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            characters += TextScript.IsUnspaced(rune) ? 1 : 0;
        }

        return characters > 0 && crop.Height > 0
            && (double)crop.Width / crop.Height / characters > _options.HanWidthPerCharacter;
    }

    private RecognizedText ReadPrimary(ImageFrame crop)
    {
        PrimaryReads++;
        return _primary.Recognize(crop);
    }

    private RecognizedText? ReadAs(string language, ImageFrame crop)
    {
        ITextRecognizer? secondary = Secondary(language);
        if (secondary is null)
        {
            return null;
        }

        SecondaryReads++;
        return secondary.Recognize(crop);
    }

    private ITextRecognizer? Secondary(string language)
    {
        if (!_secondaries.TryGetValue(language, out ITextRecognizer? recognizer))
        {
            recognizer = _secondaryFor(language);
            _secondaries[language] = recognizer;
        }

        return recognizer;
    }

    // A re-read counts only when its script is the language's: Tesseract kor on Latin or Han text still returns
    // something, and a confident wrong script must not win.
    private static bool Fits(string language, string text) => language switch
    {
        "ja" => TextScript.Classify(text) is WritingScript.Kana or WritingScript.Han,
        "ko" => TextScript.Classify(text) == WritingScript.Hangul,
        "zh" => TextScript.Classify(text) == WritingScript.Han,
        _ => TextScript.Classify(text) == WritingScript.Latin,
    };

    // The accented letters PP-OCR can emit (ppocr_keys_v1: á í ó ú Ó Ë Ü é è ä É ü à) that point at one language.
    // á í ó ú are left out: Spanish, but also Portuguese, Czech, Hungarian, Irish... and PP-OCR confuses them with
    // plain vowels; é goes to French, the commoner on signs.
    private static string? AccentHint(string text)
    {
        foreach (char c in text)
        {
            switch (c)
            {
                case 'ä' or 'ü' or 'Ü':
                    return "de";
                case 'è' or 'à' or 'é' or 'É':
                    return "fr";
                default:
                    break;
            }
        }

        return null;
    }

    private static string Normalize(string language)
    {
        string trimmed = language.Trim();
        int separator = trimmed.IndexOfAny(['-', '_']);
        if (separator > 0)
        {
            trimmed = trimmed[..separator];
        }

        trimmed = trimmed.ToLower(CultureInfo.InvariantCulture);
        return trimmed.Length == 0 ? Auto : trimmed;
    }
}
