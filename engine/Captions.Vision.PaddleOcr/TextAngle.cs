namespace Captions.Vision.PaddleOcr;

/// <summary>The angle classifier's verdict on a crop: upside down (label "180") or not, and its probability.</summary>
public readonly record struct TextAngle(bool IsUpsideDown, float Score);
