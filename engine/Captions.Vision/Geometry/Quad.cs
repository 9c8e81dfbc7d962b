using System.Drawing;
using System.Numerics;

namespace Captions.Vision.Geometry;

/// <summary>
/// A text region's four corners in image pixels, clockwise from the top-left of the text as read (so a sign
/// upside down has <see cref="TopLeft"/> at its bottom-right in the image). Detection gives rotated rectangles;
/// perspective makes general quadrilaterals.
/// </summary>
public readonly record struct Quad(Vector2 TopLeft, Vector2 TopRight, Vector2 BottomRight, Vector2 BottomLeft)
{
    public static Quad FromRectangle(RectangleF r) =>
        new(new Vector2(r.Left, r.Top), new Vector2(r.Right, r.Top), new Vector2(r.Right, r.Bottom), new Vector2(r.Left, r.Bottom));

    /// <summary>Axis-aligned bounding rectangle.</summary>
    public RectangleF Bounds
    {
        get
        {
            var minX = MathF.Min(MathF.Min(TopLeft.X, TopRight.X), MathF.Min(BottomRight.X, BottomLeft.X));
            var minY = MathF.Min(MathF.Min(TopLeft.Y, TopRight.Y), MathF.Min(BottomRight.Y, BottomLeft.Y));
            var maxX = MathF.Max(MathF.Max(TopLeft.X, TopRight.X), MathF.Max(BottomRight.X, BottomLeft.X));
            var maxY = MathF.Max(MathF.Max(TopLeft.Y, TopRight.Y), MathF.Max(BottomRight.Y, BottomLeft.Y));
            return RectangleF.FromLTRB(minX, minY, maxX, maxY);
        }
    }

    public Vector2 Center => (TopLeft + TopRight + BottomRight + BottomLeft) / 4f;

    /// <summary>Length of the reading direction (mean of top and bottom edges).</summary>
    public float Width => (Vector2.Distance(TopLeft, TopRight) + Vector2.Distance(BottomLeft, BottomRight)) / 2f;

    /// <summary>Text height (mean of left and right edges).</summary>
    public float Height => (Vector2.Distance(TopLeft, BottomLeft) + Vector2.Distance(TopRight, BottomRight)) / 2f;
}
