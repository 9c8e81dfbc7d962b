using Captions.Vision.Ocr;

namespace Captions.Vision.PaddleOcr;

/// <summary>One detected line and what was read in it.</summary>
public readonly record struct OcrReading(TextRegion Region, RecognizedText Text);
