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
}
