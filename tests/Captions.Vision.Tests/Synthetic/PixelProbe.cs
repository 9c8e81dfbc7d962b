using System.Numerics;
using Captions.Vision.Geometry;
using Captions.Vision.Imaging;

namespace Captions.Vision.Tests.Synthetic;

/// <summary>Pixel questions the synthetic-renderer tests ask of a decoded frame.</summary>
internal static class PixelProbe
{
    /// <summary>Sum of absolute channel differences from an 0xRRGGBB colour.</summary>
    internal static int Distance(ImageFrame frame, int x, int y, uint rgb)
    {
        var row = frame.Row(y);
        return Math.Abs(row[x * 3] - (int)((rgb >> 16) & 0xFF)) + Math.Abs(row[(x * 3) + 1] - (int)((rgb >> 8) & 0xFF)) + Math.Abs(row[(x * 3) + 2] - (int)(rgb & 0xFF));
    }

    /// <summary>Pixels further than <paramref name="tolerance"/> from the background colour.</summary>
    internal static IEnumerable<(int X, int Y)> Ink(ImageFrame frame, uint background, int tolerance)
    {
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                if (Distance(frame, x, y, background) > tolerance)
                {
                    yield return (x, y);
                }
            }
        }
    }

    /// <summary>Whether (x, y) lies in the quad grown by <paramref name="margin"/> pixels (convex quads, either winding).</summary>
    internal static bool InQuad(Quad quad, float x, float y, float margin)
    {
        Vector2[] corners = [quad.TopLeft, quad.TopRight, quad.BottomRight, quad.BottomLeft];
        var area = 0f;
        for (var i = 0; i < 4; i++)
        {
            var a = corners[i];
            var b = corners[(i + 1) % 4];
            area += (a.X * b.Y) - (b.X * a.Y);
        }

        var orientation = MathF.Sign(area);
        for (var i = 0; i < 4; i++)
        {
            var a = corners[i];
            var edge = corners[(i + 1) % 4] - a;

            // Signed distance from the edge's line, positive on the quad's inner side.
            var inside = orientation * ((edge.X * (y - a.Y)) - (edge.Y * (x - a.X))) / edge.Length();
            if (inside < -margin)
            {
                return false;
            }
        }

        return true;
    }
}
