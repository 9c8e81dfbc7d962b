namespace Captions.Benchmarks.Vision;

/// <summary>
/// One crop read by both engines and by the "auto" router: the exact expected text, each reading, its CER and time,
/// PP-OCR's confidence (what the router's auto rule thresholds) and the language the router read it as.
/// </summary>
internal sealed record CropAccuracyResult(
    string Sample,
    string Language,
    string Expected,
    string PaddleText,
    double PaddleCer,
    double PaddleMs,
    float PaddleConfidence,
    string TesseractEngine,
    string TesseractText,
    double TesseractCer,
    double TesseractMs,
    string AutoText,
    double AutoCer,
    double AutoMs,
    string? AutoLanguage);
