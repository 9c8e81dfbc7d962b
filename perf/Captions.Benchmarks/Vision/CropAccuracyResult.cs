namespace Captions.Benchmarks.Vision;

/// <summary>One crop read by both engines: the exact expected text, each engine's reading, CER and time.</summary>
internal sealed record CropAccuracyResult(
    string Sample,
    string Language,
    string Expected,
    string PaddleText,
    double PaddleCer,
    double PaddleMs,
    string TesseractEngine,
    string TesseractText,
    double TesseractCer,
    double TesseractMs);
