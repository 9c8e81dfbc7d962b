using Captions.Renderer.Drawing;

namespace Captions.Renderer.Stereo;

/// <summary>
/// Where each eye draws the caption plane so it appears at <see cref="StereoOptions.DepthMetres"/>. With the focal
/// length in pixels f = (eyeWidth / 2) / tan(fov / 2), a point at depth z straight ahead sits ipd/2 to the side of
/// each eye, so each eye's image moves d = f * (ipd / 2) / z pixels towards the nose: the left eye by +d, the right
/// eye by -d (the right eye is the left eye shifted by -2d). d is rounded to whole pixels so glyphs stay 1:1 with the
/// atlas. At 1920 px, 45 degrees, 63 mm and 2 m: f = 2317.6 px, d = 36.5 -> 37 px.
/// A very near plane would need a shift no eye can fuse (and slides the text off the display), so d is clamped to
/// a quarter of the eye width (<see cref="MaxShiftFraction"/>) and <see cref="IsClamped"/> says so.
/// </summary>
public readonly record struct StereoGeometry(double FocalLengthPixels, int ShiftPixels, bool IsClamped, EyeOffset Left, EyeOffset Right)
{
    public const double MaxShiftFraction = 0.25;

    public const double MinIpdMillimetres = 40;
    public const double MaxIpdMillimetres = 90;
    public const double MinFieldOfViewDegrees = 10;
    public const double MaxFieldOfViewDegrees = 150;

    /// <summary>Computes the per-eye offsets for an eye <paramref name="eyeWidth"/> pixels wide.</summary>
    /// <exception cref="ArgumentException">Depth, IPD or field of view is not a sensible number.</exception>
    public static StereoGeometry Compute(StereoOptions options, int eyeWidth)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(eyeWidth, 1);
        Validate(options);

        var focal = eyeWidth / 2.0 / Math.Tan(options.FieldOfViewDegrees * Math.PI / 360.0);
        var exact = focal * (options.IpdMillimetres / 2000.0) / options.DepthMetres; // 0 at infinity
        var max = (int)(eyeWidth * MaxShiftFraction);
        var clamped = exact > max;
        var shift = clamped ? max : (int)Math.Round(exact, MidpointRounding.AwayFromZero);
        var left = new EyeOffset(shift + options.LeftCalibration.X, options.LeftCalibration.Y);
        var right = new EyeOffset(-shift + options.RightCalibration.X, options.RightCalibration.Y);
        return new StereoGeometry(focal, shift, clamped, left, right);
    }

    /// <exception cref="ArgumentException">Depth, IPD or field of view is not a sensible number.</exception>
    public static void Validate(StereoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (double.IsNaN(options.DepthMetres) || options.DepthMetres <= 0)
        {
            throw new ArgumentException(
                $"Caption depth {options.DepthMetres} m is not usable: it must be a positive distance in metres (e.g. 2.0), or infinity for no disparity.",
                nameof(options));
        }

        if (!(options.IpdMillimetres >= MinIpdMillimetres && options.IpdMillimetres <= MaxIpdMillimetres))
        {
            throw new ArgumentException(
                $"IPD {options.IpdMillimetres} mm is outside {MinIpdMillimetres}..{MaxIpdMillimetres} mm; it is given in millimetres (adult median 63).",
                nameof(options));
        }

        if (!(options.FieldOfViewDegrees >= MinFieldOfViewDegrees && options.FieldOfViewDegrees <= MaxFieldOfViewDegrees))
        {
            throw new ArgumentException(
                $"Per-eye field of view {options.FieldOfViewDegrees} degrees is outside {MinFieldOfViewDegrees}..{MaxFieldOfViewDegrees}; it is the horizontal angle of one eye's display (glasses: 30..60).",
                nameof(options));
        }
    }
}
