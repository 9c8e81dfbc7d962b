using Captions.Vision.Geometry;

namespace Captions.Vision.Ocr;

/// <summary>A detected line of text: where it is and how sure the detector was (0..1, mean probability inside).</summary>
public readonly record struct TextRegion(Quad Box, float Score);
