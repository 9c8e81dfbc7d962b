namespace Captions.Vision.Tesseract;

/// <summary>How <see cref="TesseractTextRecognizer"/> prepares a crop before Tesseract reads it.</summary>
public sealed record TesseractTextRecognizerOptions
{
    /// <summary>Crops lower than this (pixels) are scaled up: Tesseract's LSTM misreads text under ~20 px x-height.</summary>
    public int MinimumHeight { get; init; } = 32;

    /// <summary>The height small crops are scaled up to.</summary>
    public int TargetHeight { get; init; } = 48;

    /// <summary>
    /// Border added round the crop, as a fraction of its (scaled) height, at least 6 px: Tesseract finds no text
    /// touching the image edge, and a detector's crop is tight.
    /// </summary>
    public float BorderFraction { get; init; } = 0.25f;

    /// <summary>
    /// Crops whose luma range (max - min, 0..255) is under this have no ink to read and come back empty: Tesseract
    /// otherwise reads noise into a flat crop.
    /// </summary>
    public int MinimumContrast { get; init; } = 24;
}
