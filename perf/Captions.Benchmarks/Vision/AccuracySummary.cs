namespace Captions.Benchmarks.Vision;

/// <summary>PP-OCR and Tesseract on one language's crops: mean CER, exact-match rate and median ms per crop.</summary>
internal sealed record AccuracySummary(
    string Language,
    int Crops,
    double PaddleCer,
    double PaddleExact,
    double PaddleMsP50,
    string TesseractEngine,
    double TesseractCer,
    double TesseractExact,
    double TesseractMsP50);
