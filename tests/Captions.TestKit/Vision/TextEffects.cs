using System.Globalization;

namespace Captions.TestKit.Vision;

/// <summary>The degradations applied after drawing, in order: perspective, rotation, blur, noise.</summary>
internal readonly record struct TextEffects(double RotationDegrees, double Blur, int Noise, SignPerspective? Perspective)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"rot={RotationDegrees:R};blur={Blur:R};noise={Noise};persp={Perspective?.TopLeft}{Perspective?.TopRight}{Perspective?.BottomRight}{Perspective?.BottomLeft}");
}
