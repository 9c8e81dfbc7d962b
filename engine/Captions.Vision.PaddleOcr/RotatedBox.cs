using System.Numerics;
using Captions.Vision.Geometry;

namespace Captions.Vision.PaddleOcr;

/// <summary>
/// A rotated rectangle: centre, unit axes and half-sizes. What OpenCV's <c>minAreaRect</c> returns, in a form that
/// can be grown (unclipped) analytically.
/// </summary>
internal readonly record struct RotatedBox(Vector2 Center, Vector2 AxisU, Vector2 AxisV, float HalfU, float HalfV)
{
    public float SizeU => 2 * HalfU;

    public float SizeV => 2 * HalfV;

    public float ShortSide => 2 * MathF.Min(HalfU, HalfV);

    public float Area => SizeU * SizeV;

    public float Perimeter => 2 * (SizeU + SizeV);

    /// <summary>
    /// The box grown by <paramref name="distance"/> on every side. pyclipper's round-joined offset of a rectangle
    /// is this rectangle with rounded corners, whose minimum-area rectangle is exactly this one.
    /// </summary>
    public RotatedBox Grow(float distance) => this with { HalfU = HalfU + distance, HalfV = HalfV + distance };

    /// <summary>
    /// The corners in PaddleOCR's <c>get_mini_boxes</c> order: sorted by x, the left pair gives top-left (smaller y)
    /// and bottom-left, the right pair top-right and bottom-right.
    /// </summary>
    public Quad ToQuad()
    {
        Span<Vector2> p =
        [
            Center - (AxisU * HalfU) - (AxisV * HalfV),
            Center + (AxisU * HalfU) - (AxisV * HalfV),
            Center + (AxisU * HalfU) + (AxisV * HalfV),
            Center - (AxisU * HalfU) + (AxisV * HalfV),
        ];

        // Insertion sort by x (stable, as Python's sorted): four points.
        for (int i = 1; i < 4; i++)
        {
            Vector2 key = p[i];
            int j = i - 1;
            while (j >= 0 && p[j].X > key.X)
            {
                p[j + 1] = p[j];
                j--;
            }

            p[j + 1] = key;
        }

        (Vector2 topLeft, Vector2 bottomLeft) = p[1].Y > p[0].Y ? (p[0], p[1]) : (p[1], p[0]);
        (Vector2 topRight, Vector2 bottomRight) = p[3].Y > p[2].Y ? (p[2], p[3]) : (p[3], p[2]);
        return new Quad(topLeft, topRight, bottomRight, bottomLeft);
    }

    /// <summary>
    /// The minimum-area rectangle around <paramref name="points"/> (rotating calipers over the convex hull);
    /// <paramref name="hull"/> is scratch space. Collinear or single points give a zero-height box.
    /// </summary>
    public static RotatedBox MinimumAreaRectangle(List<Vector2> points, List<Vector2> hull)
    {
        ConvexHull(points, hull);
        if (hull.Count == 1)
        {
            return new RotatedBox(hull[0], Vector2.UnitX, Vector2.UnitY, 0, 0);
        }

        RotatedBox best = default;
        float bestArea = float.PositiveInfinity;
        for (int i = 0; i < hull.Count; i++)
        {
            Vector2 edge = hull[(i + 1) % hull.Count] - hull[i];
            float length = edge.Length();
            if (length < 1e-6f)
            {
                continue;
            }

            Vector2 u = edge / length;
            var v = new Vector2(-u.Y, u.X);
            float minU = float.PositiveInfinity, maxU = float.NegativeInfinity, minV = float.PositiveInfinity, maxV = float.NegativeInfinity;
            foreach (Vector2 p in hull)
            {
                float pu = Vector2.Dot(p, u);
                float pv = Vector2.Dot(p, v);
                minU = MathF.Min(minU, pu);
                maxU = MathF.Max(maxU, pu);
                minV = MathF.Min(minV, pv);
                maxV = MathF.Max(maxV, pv);
            }

            float area = (maxU - minU) * (maxV - minV);
            if (area < bestArea)
            {
                bestArea = area;
                Vector2 center = (u * ((minU + maxU) / 2)) + (v * ((minV + maxV) / 2));
                best = new RotatedBox(center, u, v, (maxU - minU) / 2, (maxV - minV) / 2);
            }
        }

        return best;
    }

    // Andrew's monotone chain; points are sorted in place. Counter-clockwise in image coordinates does not matter:
    // only the edge directions are used.
    private static void ConvexHull(List<Vector2> points, List<Vector2> hull)
    {
        hull.Clear();
        points.Sort(static (a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y.CompareTo(b.Y));
        if (points.Count <= 2)
        {
            hull.AddRange(points);
            return;
        }

        foreach (Vector2 p in points)
        {
            while (hull.Count >= 2 && Cross(hull[^2], hull[^1], p) <= 0)
            {
                hull.RemoveAt(hull.Count - 1);
            }

            hull.Add(p);
        }

        int lower = hull.Count + 1;
        for (int i = points.Count - 2; i >= 0; i--)
        {
            Vector2 p = points[i];
            while (hull.Count >= lower && Cross(hull[^2], hull[^1], p) <= 0)
            {
                hull.RemoveAt(hull.Count - 1);
            }

            hull.Add(p);
        }

        hull.RemoveAt(hull.Count - 1);
    }

    private static float Cross(Vector2 o, Vector2 a, Vector2 b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
