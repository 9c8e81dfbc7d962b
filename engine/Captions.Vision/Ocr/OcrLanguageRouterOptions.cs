namespace Captions.Vision.Ocr;

/// <summary>Tuning of <see cref="OcrLanguageRouter"/>'s "auto" rule.</summary>
public sealed record OcrLanguageRouterOptions
{
    /// <summary>
    /// Under this primary confidence (0..1) an "auto" reading is re-read by each of <see cref="AutoCandidates"/>.
    /// PP-OCR reads Korean or kana-heavy Japanese as a few wrong Han characters or Latin at low confidence, since its
    /// dictionary has no hangul and five kana.
    /// </summary>
    public float LowConfidence { get; init; } = 0.6f;

    /// <summary>Languages (ISO 639-1) tried, in order, when an "auto" primary reading is low-confidence.</summary>
    public IReadOnlyList<string> AutoCandidates { get; init; } = ["ja", "ko"];

    /// <summary>
    /// A secondary reading taken on an accent hint replaces the primary one only at this confidence or above.
    /// </summary>
    public float AccentHintMinimumConfidence { get; init; } = 0.7f;

    /// <summary>
    /// Crop width, in line heights, per Han character of an "auto" reading above which characters are taken to be
    /// missing (kana PP-OCR dropped) and the crop is re-read as Japanese. Measured on the corpus crops: 0.81-0.87 for
    /// complete Chinese and Japanese readings; 1.2-3.8 where PP-OCR left kana out ("天" for "天ぷらそば").
    /// </summary>
    public double HanWidthPerCharacter { get; init; } = 1.0;

    /// <summary>
    /// Languages whose recognisers re-read an "auto" Latin or digits-only line for what PP-OCR's dictionary cannot
    /// spell or drops (ñ ç ß ö ô ó € ¿ ...); empty turns the re-read off. A re-read replaces PP-OCR's reading only when
    /// the two agree letter for letter once those are folded away (see the router's remarks). Each costs one
    /// Tesseract read (~8 ms) per new line; a joint "deu+spa+fra" model was tried and misplaced accents ("Mäs").
    /// </summary>
    public IReadOnlyList<string> LatinRereads { get; init; } = ["es", "fr", "de"];
}
