using System.Numerics;

namespace Captions.TestKit.Vision;

/// <summary>
/// The projective map that sends the canvas corners (0,0), (W,0), (W,H), (0,H) to four given points: the same warp
/// ffmpeg's perspective filter applies with sense=destination, used to say where drawn text ends up.
/// </summary>
internal sealed class Homography
{
    private readonly double[] _h;

    private Homography(double[] h) => _h = h;

    internal static Homography FromCanvas(int width, int height, Vector2 topLeft, Vector2 topRight, Vector2 bottomRight, Vector2 bottomLeft)
    {
        Vector2[] source = [new(0, 0), new(width, 0), new(width, height), new(0, height)];
        Vector2[] target = [topLeft, topRight, bottomRight, bottomLeft];
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            double x = source[i].X, y = source[i].Y, u = target[i].X, v = target[i].Y;
            double[] rowU = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] rowV = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (var j = 0; j < 9; j++)
            {
                a[2 * i, j] = rowU[j];
                a[(2 * i) + 1, j] = rowV[j];
            }
        }

        // Gauss-Jordan with partial pivoting on the 8x8 system; the four corners of a real canvas are never collinear.
        for (var column = 0; column < 8; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < 8; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column]))
                {
                    pivot = row;
                }
            }

            for (var j = 0; j < 9; j++)
            {
                (a[column, j], a[pivot, j]) = (a[pivot, j], a[column, j]);
            }

            for (var row = 0; row < 8; row++)
            {
                if (row == column)
                {
                    continue;
                }

                var factor = a[row, column] / a[column, column];
                for (var j = column; j < 9; j++)
                {
                    a[row, j] -= factor * a[column, j];
                }
            }
        }

        var h = new double[9];
        for (var i = 0; i < 8; i++)
        {
            h[i] = a[i, 8] / a[i, i];
        }

        h[8] = 1;
        return new Homography(h);
    }

    internal Vector2 Apply(Vector2 p)
    {
        var w = (_h[6] * p.X) + (_h[7] * p.Y) + _h[8];
        return new Vector2((float)(((_h[0] * p.X) + (_h[1] * p.Y) + _h[2]) / w), (float)(((_h[3] * p.X) + (_h[4] * p.Y) + _h[5]) / w));
    }
}
