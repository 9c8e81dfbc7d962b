namespace Captions.Renderer.Drawing;

/// <summary>Where one eye draws the caption plane: stereo disparity plus that eye's calibration, in whole pixels.</summary>
public readonly record struct EyeOffset(int X, int Y);
