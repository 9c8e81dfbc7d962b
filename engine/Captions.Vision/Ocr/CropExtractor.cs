using System.Numerics;
using Captions.Vision.Geometry;
using Captions.Vision.Imaging;

namespace Captions.Vision.Ocr;

/// <summary>
/// Cuts a detected text line out of a frame as an upright crop for a recogniser, as PaddleOCR's
/// <c>get_rotate_crop_image</c> does: a perspective warp of the quad onto a rectangle as wide as its longer
/// top/bottom edge and as tall as its longer left/right edge, sampled bicubically (OpenCV's INTER_CUBIC, which the
/// reference passes to warpPerspective) with the border replicated, then
/// turned 90 degrees counter-clockwise when the result is at least 1.5 times taller than wide (vertical text, or a
/// box whose corners the detector ordered along the short side).
/// </summary>
/// <remarks>Pure managed code, no state: safe from any thread. Allocates the crop's pixels and nothing else.</remarks>
public static class CropExtractor
{
    /// <summary>Height/width at or above which the crop is turned 90 degrees (PaddleOCR's value).</summary>
    public const float RotateAspectRatio = 1.5f;

    /// <summary>
    /// The upright crop of <paramref name="quad"/> (corners clockwise from the text's top-left) from
    /// <paramref name="frame"/>; corners outside the frame sample the nearest edge pixel.
    /// </summary>
    /// <returns>A new frame at least 1x1, with <paramref name="frame"/>'s sequence, timestamps and origin.</returns>
    public static ImageFrame Extract(ImageFrame frame, Quad quad)
    {
        ArgumentNullException.ThrowIfNull(frame);
        double widthTop = Vector2.Distance(quad.TopLeft, quad.TopRight);
        double widthBottom = Vector2.Distance(quad.BottomLeft, quad.BottomRight);
        double heightLeft = Vector2.Distance(quad.TopLeft, quad.BottomLeft);
        double heightRight = Vector2.Distance(quad.TopRight, quad.BottomRight);

        // int() in the reference: truncation. A degenerate quad still gives one pixel rather than an empty frame.
        int width = Math.Max(1, (int)Math.Max(widthTop, widthBottom));
        int height = Math.Max(1, (int)Math.Max(heightLeft, heightRight));
        var crop = ImageFrame.Create(width, height);
        var map = Homography.UnitSquareTo(quad);
        WarpInto(frame, crop, map, width, height);
        var result = height >= RotateAspectRatio * width ? RotateCounterClockwise(crop) : crop;
        return WithMetadata(result, frame);
    }

    /// <summary>
    /// The upright crop of <paramref name="quad"/> lengthened at both ends by <paramref name="padding"/> times the
    /// quad's text height, along its own reading direction (so a rotated or receding line grows along itself). The
    /// detector's box hugs the glyphs; PP-OCR's recogniser then tends to drop the word spaces of a tightly cropped line
    /// ("ATANY TIME"), which background at the ends restores. Only the ends: growing the top and bottom too shrinks the
    /// text in the recogniser's fixed-height input, and on opencv's scenetext05 photo made "NO PARKING" read
    /// "NOPARKING".
    /// </summary>
    public static ImageFrame ExtractPadded(ImageFrame frame, Quad quad, float padding)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        return Extract(frame, Lengthen(quad, padding));
    }

    /// <summary><paramref name="quad"/> lengthened at both ends by <paramref name="padding"/> times its text height.</summary>
    public static Quad Lengthen(Quad quad, float padding)
    {
        float margin = padding * quad.Height;
        Vector2 along = (quad.TopRight - quad.TopLeft) + (quad.BottomRight - quad.BottomLeft);
        if (margin <= 0 || along.LengthSquared() < 1e-6f)
        {
            return quad;
        }

        Vector2 u = Vector2.Normalize(along) * margin;
        return new Quad(quad.TopLeft - u, quad.TopRight + u, quad.BottomRight + u, quad.BottomLeft - u);
    }

    /// <summary>The frame turned 180 degrees (an upside-down line made readable).</summary>
    public static ImageFrame Rotate180(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var result = ImageFrame.Create(frame.Width, frame.Height);
        for (int y = 0; y < frame.Height; y++)
        {
            ReadOnlySpan<byte> source = frame.Row(y);
            Span<byte> target = result.Row(frame.Height - 1 - y);
            for (int x = 0; x < frame.Width; x++)
            {
                int s = x * 3;
                int t = (frame.Width - 1 - x) * 3;
                target[t] = source[s];
                target[t + 1] = source[s + 1];
                target[t + 2] = source[s + 2];
            }
        }

        return WithMetadata(result, frame);
    }

    /// <summary>The frame turned 90 degrees counter-clockwise (numpy's <c>rot90</c>): width and height swap.</summary>
    public static ImageFrame RotateCounterClockwise(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);

        // rot90: out[i, j] = in[j, W - 1 - i]; the output is W rows of H pixels.
        var result = ImageFrame.Create(frame.Height, frame.Width);
        for (int i = 0; i < result.Height; i++)
        {
            Span<byte> target = result.Row(i);
            int sourceX = (frame.Width - 1 - i) * 3;
            for (int j = 0; j < result.Width; j++)
            {
                ReadOnlySpan<byte> source = frame.Row(j);
                target[j * 3] = source[sourceX];
                target[(j * 3) + 1] = source[sourceX + 1];
                target[(j * 3) + 2] = source[sourceX + 2];
            }
        }

        return WithMetadata(result, frame);
    }

    private static void WarpInto(ImageFrame frame, ImageFrame crop, Homography map, int width, int height)
    {
        byte[] source = frame.Pixels;
        int stride = frame.Stride;
        int maxX = frame.Width - 1;
        int maxY = frame.Height - 1;
        Span<double> wx = stackalloc double[4];
        Span<double> wy = stackalloc double[4];
        Span<int> ox = stackalloc int[4];
        Span<int> oy = stackalloc int[4];
        for (int y = 0; y < height; y++)
        {
            Span<byte> row = crop.Row(y);
            double v = (double)y / height;
            for (int x = 0; x < width; x++)
            {
                (double sx, double sy) = map.Apply((double)x / width, v);
                int x0 = (int)Math.Floor(sx);
                int y0 = (int)Math.Floor(sy);
                CubicWeights(sx - x0, wx);
                CubicWeights(sy - y0, wy);
                for (int k = 0; k < 4; k++)
                {
                    ox[k] = Math.Clamp(x0 - 1 + k, 0, maxX) * 3;
                    oy[k] = Math.Clamp(y0 - 1 + k, 0, maxY) * stride;
                }

                for (int channel = 0; channel < 3; channel++)
                {
                    double value = 0;
                    for (int j = 0; j < 4; j++)
                    {
                        int rowStart = oy[j] + channel;
                        double line = (source[rowStart + ox[0]] * wx[0]) + (source[rowStart + ox[1]] * wx[1])
                            + (source[rowStart + ox[2]] * wx[2]) + (source[rowStart + ox[3]] * wx[3]);
                        value += line * wy[j];
                    }

                    row[(x * 3) + channel] = (byte)Math.Clamp((int)Math.Round(value), 0, 255);
                }
            }
        }
    }

    // OpenCV's INTER_CUBIC kernel (Keys, a = -0.75) for taps at -1, 0, 1, 2 around the sample.
    private static void CubicWeights(double t, Span<double> weights)
    {
        const double A = -0.75;
        weights[0] = ((((A * (t + 1)) - (5 * A)) * (t + 1)) + (8 * A)) * (t + 1) - (4 * A);
        weights[1] = ((((A + 2) * t) - (A + 3)) * t * t) + 1;
        double u = 1 - t;
        weights[2] = ((((A + 2) * u) - (A + 3)) * u * u) + 1;
        weights[3] = 1 - weights[0] - weights[1] - weights[2];
    }

    private static ImageFrame WithMetadata(ImageFrame pixels, ImageFrame from) =>
        new(pixels.Pixels, pixels.Width, pixels.Height, pixels.Stride)
        {
            Sequence = from.Sequence,
            Timestamp = from.Timestamp,
            CapturedAt = from.CapturedAt,
            Origin = from.Origin,
        };

    /// <summary>
    /// The projective map of the unit square (u, v) onto a quad: (0,0) to the top-left, (1,0) top-right, (1,1)
    /// bottom-right, (0,1) bottom-left (Heckbert, "Fundamentals of Texture Mapping", 1989).
    /// </summary>
    private readonly record struct Homography(double A, double B, double C, double D, double E, double F, double G, double H)
    {
        public static Homography UnitSquareTo(Quad quad)
        {
            double x0 = quad.TopLeft.X, y0 = quad.TopLeft.Y;
            double x1 = quad.TopRight.X, y1 = quad.TopRight.Y;
            double x2 = quad.BottomRight.X, y2 = quad.BottomRight.Y;
            double x3 = quad.BottomLeft.X, y3 = quad.BottomLeft.Y;
            double sx = x0 - x1 + x2 - x3;
            double sy = y0 - y1 + y2 - y3;
            double g = 0, h = 0;
            double dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2;
            double denominator = (dx1 * dy2) - (dx2 * dy1);

            // A parallelogram (sx = sy = 0) is affine; a degenerate quad (zero denominator) falls back to affine too.
            if ((sx != 0 || sy != 0) && Math.Abs(denominator) > 1e-12)
            {
                g = ((sx * dy2) - (dx2 * sy)) / denominator;
                h = ((dx1 * sy) - (sx * dy1)) / denominator;
            }

            return new Homography(
                x1 - x0 + (g * x1), x3 - x0 + (h * x3), x0,
                y1 - y0 + (g * y1), y3 - y0 + (h * y3), y0,
                g, h);
        }

        public (double X, double Y) Apply(double u, double v)
        {
            double w = (G * u) + (H * v) + 1;
            return (((A * u) + (B * v) + C) / w, ((D * u) + (E * v) + F) / w);
        }
    }
}
