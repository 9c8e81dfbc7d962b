namespace Captions.Benchmarks.Vision;

/// <summary>
/// PP-OCR and Tesseract on one language's crops: mean CER, exact-match rate and median ms per crop; "routed" is what
/// the product reads with (OcrLanguageRouter with a configured language: PP-OCR for en and zh, Tesseract otherwise);
/// "auto" is the router with no language configured (--from auto), and "low" counts the crops PP-OCR read under the
/// auto rule's confidence threshold, which send it to the Japanese and Korean recognisers.
/// </summary>
internal sealed record AccuracySummary(
    string Language,
    int Crops,
    double PaddleCer,
    double PaddleExact,
    double PaddleMsP50,
    string TesseractEngine,
    double TesseractCer,
    double TesseractExact,
    double TesseractMsP50,
    double RoutedCer,
    double RoutedExact,
    double AutoCer,
    double AutoExact,
    int PaddleLowConfidence);
