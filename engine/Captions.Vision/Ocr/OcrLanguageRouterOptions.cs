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
    /// Languages whose recognisers re-read an "auto" Latin or digits-only line for what PP-OCR's dictionary cannot
    /// spell or drops (ñ ç ß ö ô ó € ¿ ...); empty turns the re-read off. A re-read replaces PP-OCR's reading only when
    /// the two agree letter for letter once those are folded away (see the router's remarks). Each costs one
    /// Tesseract read (~8 ms) per new line; a joint "deu+spa+fra" model was tried and misplaced accents ("Mäs").
    /// </summary>
    public IReadOnlyList<string> LatinRereads { get; init; } = ["es", "fr", "de"];
}
