using System.Globalization;
using System.Numerics;
using Captions.Vision.Geometry;

namespace Captions.Vision.Display;

/// <summary>
/// Maps camera pixels to display (eye) pixels with a 3x3 homography, so an overlay sits over the sign the wearer sees.
/// The camera on a pair of glasses looks through a wider field than the micro-OLED shows and sits beside the eye, so
/// the map is a projective one in general; an affine or plain scale is the special case.
/// </summary>
/// <remarks>
/// Ways to make one: <see cref="Fit"/> (default when nothing is configured: the whole camera frame scaled to the eye,
/// aspect kept, centred), <see cref="FromPoints"/> (four camera points and where the wearer saw them on the display:
/// the usual calibration procedure), or <see cref="Parse"/> of a setting (<c>fit</c>, <c>h:a,b,c,d,e,f,g,h,i</c> row
/// major, or <c>points:cx,cy=&gt;dx,dy;...</c> with four pairs).
/// </remarks>
public sealed class CameraCalibration
{
    private readonly double[] _h;

    private CameraCalibration(double[] h)
    {
        _h = h;
    }

    /// <summary>Row-major homography (9 values, last normalised to 1).</summary>
    public IReadOnlyList<double> Homography => _h;

    public static CameraCalibration Identity { get; } = new([1, 0, 0, 0, 1, 0, 0, 0, 1]);

    /// <summary>Scales the camera frame into the eye, aspect kept, centred (letterboxed on one axis).</summary>
    public static CameraCalibration Fit(int cameraWidth, int cameraHeight, int eyeWidth, int eyeHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cameraWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cameraHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(eyeWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(eyeHeight, 1);
        var scale = Math.Min((double)eyeWidth / cameraWidth, (double)eyeHeight / cameraHeight);
        var offsetX = (eyeWidth - (cameraWidth * scale)) / 2;
        var offsetY = (eyeHeight - (cameraHeight * scale)) / 2;
        return new CameraCalibration([scale, 0, offsetX, 0, scale, offsetY, 0, 0, 1]);
    }

    /// <summary>
    /// The homography taking each of four camera points to its display point (direct linear transform, solved exactly).
    /// </summary>
    /// <exception cref="ArgumentException">Not four pairs, or three of the points on a line (no unique map).</exception>
    public static CameraCalibration FromPoints(IReadOnlyList<Vector2> camera, IReadOnlyList<Vector2> display)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(display);
        if (camera.Count != 4 || display.Count != 4)
        {
            throw new ArgumentException($"a calibration needs exactly 4 point pairs; got {camera.Count} camera and {display.Count} display points");
        }

        // Eight equations in h0..h7 with h8 = 1: u = (h0 x + h1 y + h2) / (h6 x + h7 y + 1), likewise v.
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            double x = camera[i].X, y = camera[i].Y, u = display[i].X, v = display[i].Y;
            double[] rowU = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] rowV = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (var j = 0; j < 9; j++)
            {
                a[2 * i, j] = rowU[j];
                a[(2 * i) + 1, j] = rowV[j];
            }
        }

        var solution = Solve(a) ?? throw new ArgumentException("the calibration points are degenerate (three on a line, or repeated): no unique camera-to-display map");
        return new CameraCalibration([.. solution, 1]);
    }

    /// <summary>Parses a calibration setting; <paramref name="setting"/> is named in errors as <paramref name="source"/>.</summary>
    /// <exception cref="FormatException">The text is not one of the forms above; the message says which part.</exception>
    public static CameraCalibration Parse(string setting, int cameraWidth, int cameraHeight, int eyeWidth, int eyeHeight, string source = "calibration")
    {
        ArgumentNullException.ThrowIfNull(setting);
        var text = setting.Trim();
        if (text.Length == 0 || text.Equals("fit", StringComparison.OrdinalIgnoreCase))
        {
            return Fit(cameraWidth, cameraHeight, eyeWidth, eyeHeight);
        }

        if (text.StartsWith("h:", StringComparison.OrdinalIgnoreCase))
        {
            var values = text[2..].Split(',', StringSplitOptions.TrimEntries);
            if (values.Length != 9)
            {
                throw new FormatException($"{source}: 'h:' needs 9 comma-separated numbers (row-major 3x3), got {values.Length}");
            }

            var h = new double[9];
            for (var i = 0; i < 9; i++)
            {
                h[i] = ParseNumber(values[i], source);
            }

            if (Math.Abs(h[8]) < 1e-12)
            {
                throw new FormatException($"{source}: the homography's last value must not be 0");
            }

            return new CameraCalibration([.. h.Select(v => v / h[8])]);
        }

        if (text.StartsWith("points:", StringComparison.OrdinalIgnoreCase))
        {
            var pairs = text[7..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var camera = new List<Vector2>();
            var display = new List<Vector2>();
            foreach (var pair in pairs)
            {
                var sides = pair.Split("=>", StringSplitOptions.TrimEntries);
                if (sides.Length != 2)
                {
                    throw new FormatException($"{source}: '{pair}' is not 'cx,cy=>dx,dy'");
                }

                camera.Add(ParsePoint(sides[0], source));
                display.Add(ParsePoint(sides[1], source));
            }

            try
            {
                return FromPoints(camera, display);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"{source}: {ex.Message}", ex);
            }
        }

        throw new FormatException($"{source}: '{setting}' is not 'fit', 'h:<9 numbers>' or 'points:cx,cy=>dx,dy;... (4 pairs)'");
    }

    public Vector2 Map(Vector2 camera)
    {
        var w = (_h[6] * camera.X) + (_h[7] * camera.Y) + _h[8];
        if (Math.Abs(w) < 1e-12)
        {
            w = 1e-12; // a point on the horizon line: far away, clamped by the caller's rectangle clip
        }

        return new Vector2(
            (float)(((_h[0] * camera.X) + (_h[1] * camera.Y) + _h[2]) / w),
            (float)(((_h[3] * camera.X) + (_h[4] * camera.Y) + _h[5]) / w));
    }

    public Quad Map(Quad camera) => new(Map(camera.TopLeft), Map(camera.TopRight), Map(camera.BottomRight), Map(camera.BottomLeft));

    public override string ToString() => "h:" + string.Join(',', _h.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));

    private static Vector2 ParsePoint(string text, string source)
    {
        var xy = text.Split(',', StringSplitOptions.TrimEntries);
        if (xy.Length != 2)
        {
            throw new FormatException($"{source}: '{text}' is not a point 'x,y'");
        }

        return new Vector2((float)ParseNumber(xy[0], source), (float)ParseNumber(xy[1], source));
    }

    private static double ParseNumber(string text, string source) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"{source}: '{text}' is not a number");

    // Gauss-Jordan with partial pivoting on an n x (n+1) augmented matrix; null when singular.
    private static double[]? Solve(double[,] a)
    {
        var n = a.GetLength(0);
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(a[pivot, col]) < 1e-9)
            {
                return null;
            }

            for (var j = 0; j <= n; j++)
            {
                (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            for (var row = 0; row < n; row++)
            {
                if (row == col)
                {
                    continue;
                }

                var factor = a[row, col] / a[col, col];
                for (var j = col; j <= n; j++)
                {
                    a[row, j] -= factor * a[col, j];
                }
            }
        }

        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = a[i, n] / a[i, i];
        }

        return x;
    }
}
