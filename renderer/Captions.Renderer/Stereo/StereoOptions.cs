using Captions.Renderer.Drawing;

namespace Captions.Renderer.Stereo;

/// <summary>
/// Optics of the glasses and where the caption plane floats. Defaults: 63 mm IPD (the adult median), a 45 degree
/// horizontal field of view per eye (typical of birdbath micro-OLED glasses) and a 2 m plane, far enough to read
/// comfortably and near enough to sit in front of most of what the wearer looks at.
/// </summary>
public sealed record StereoOptions
{
    /// <summary>Distance of the caption plane in metres; <see cref="double.PositiveInfinity"/> draws both eyes alike.</summary>
    public double DepthMetres { get; init; } = 2.0;

    /// <summary>Interpupillary distance in millimetres (accepted: 40..90).</summary>
    public double IpdMillimetres { get; init; } = 63.0;

    /// <summary>Horizontal field of view of one eye's display in degrees (accepted: 10..150).</summary>
    public double FieldOfViewDegrees { get; init; } = 45.0;

    /// <summary>Per-eye correction in whole pixels (display mounting, optics), added after the disparity.</summary>
    public EyeOffset LeftCalibration { get; init; }

    /// <summary>Per-eye correction in whole pixels (display mounting, optics), added after the disparity.</summary>
    public EyeOffset RightCalibration { get; init; }
}
