using System.Numerics;
using Captions.Vision.Geometry;
using Captions.Vision.Ocr;

namespace Captions.Vision.PaddleOcr;

/// <summary>
/// PaddleOCR's <c>DBPostProcess</c> (ppocr/postprocess/db_postprocess.py, box_type "quad", score_mode "fast") and
/// <c>filter_tag_det_res</c> on a probability map: threshold, connected regions (OpenCV's contours; the convex hull
/// of a region's per-row extremes equals the hull of its contour), minimum-area rectangle, mean probability inside
/// the box, unclip, scale to the frame.
/// </summary>
/// <remarks>Threading model: one call at a time; the scratch buffers are reused between calls.</remarks>
internal sealed class DbPostProcessor
{
    // PaddleOCR's min_size: boxes whose short side is under 3 map pixels are noise.
    private const int MinSize = 3;

    private readonly List<Vector2> _points = new(256);
    private readonly List<Vector2> _hull = new(64);
    private byte[] _bitmap = [];
    private int[] _stack = [];
    private int[] _rowMin = [];
    private int[] _rowMax = [];

    /// <summary>Appends the boxes found in <paramref name="probability"/> (mapWidth x mapHeight) to <paramref name="regions"/>, in frame coordinates.</summary>
    public void Extract(
        ReadOnlySpan<float> probability, int mapWidth, int mapHeight, int frameWidth, int frameHeight, PaddleDetectorOptions options, List<TextRegion> regions)
    {
        int size = mapWidth * mapHeight;
        if (_bitmap.Length < size)
        {
            _bitmap = new byte[size];
            _stack = new int[size];
        }

        if (_rowMin.Length < mapHeight)
        {
            _rowMin = new int[mapHeight];
            _rowMax = new int[mapHeight];
            Array.Fill(_rowMin, int.MaxValue);
            Array.Fill(_rowMax, -1);
        }

        float threshold = options.BinaryThreshold;
        for (int i = 0; i < size; i++)
        {
            _bitmap[i] = probability[i] > threshold ? (byte)1 : (byte)0;
        }

        int candidates = 0;
        for (int start = 0; start < size && candidates < options.MaxCandidates; start++)
        {
            if (_bitmap[start] != 1)
            {
                continue;
            }

            candidates++;
            (int minY, int maxY) = FloodFill(start, mapWidth, mapHeight);
            _points.Clear();
            for (int y = minY; y <= maxY; y++)
            {
                if (_rowMax[y] >= 0)
                {
                    _points.Add(new Vector2(_rowMin[y], y));
                    if (_rowMax[y] != _rowMin[y])
                    {
                        _points.Add(new Vector2(_rowMax[y], y));
                    }
                }

                _rowMin[y] = int.MaxValue;
                _rowMax[y] = -1;
            }

            RotatedBox box = RotatedBox.MinimumAreaRectangle(_points, _hull);
            if (box.ShortSide < MinSize)
            {
                continue;
            }

            Quad quad = box.ToQuad();
            float score = BoxScore(probability, mapWidth, mapHeight, quad);
            if (score < options.BoxThreshold)
            {
                continue;
            }

            float distance = box.Area * options.UnclipRatio / box.Perimeter;
            RotatedBox grown = box.Grow(distance);
            if (grown.ShortSide < MinSize + 2)
            {
                continue;
            }

            Quad scaled = Scale(grown.ToQuad(), mapWidth, mapHeight, frameWidth, frameHeight);

            // filter_tag_det_res: drop boxes 3 pixels or less wide or tall in the frame.
            if ((int)Vector2.Distance(scaled.TopLeft, scaled.TopRight) <= 3 || (int)Vector2.Distance(scaled.TopLeft, scaled.BottomLeft) <= 3)
            {
                continue;
            }

            regions.Add(new TextRegion(scaled, score));
        }
    }

    // 8-connected, as OpenCV's contour following; marks the region 2 and records each row's extreme columns.
    private (int MinY, int MaxY) FloodFill(int start, int width, int height)
    {
        int top = 0;
        _stack[top++] = start;
        _bitmap[start] = 2;
        int minY = int.MaxValue, maxY = -1;
        while (top > 0)
        {
            int index = _stack[--top];
            int y = index / width;
            int x = index - (y * width);
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
            _rowMin[y] = Math.Min(_rowMin[y], x);
            _rowMax[y] = Math.Max(_rowMax[y], x);
            for (int dy = -1; dy <= 1; dy++)
            {
                int ny = y + dy;
                if ((uint)ny >= (uint)height)
                {
                    continue;
                }

                for (int dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx;
                    if ((uint)nx >= (uint)width)
                    {
                        continue;
                    }

                    int n = (ny * width) + nx;
                    if (_bitmap[n] == 1)
                    {
                        _bitmap[n] = 2;
                        _stack[top++] = n;
                    }
                }
            }
        }

        return (minY, maxY);
    }

    // box_score_fast: mean probability over the box's pixels (the box's corners truncated to integers, as
    // cv2.fillPoly receives them), inside its clipped bounding rectangle.
    private static float BoxScore(ReadOnlySpan<float> probability, int width, int height, Quad quad)
    {
        var bounds = quad.Bounds;
        int xMin = Math.Clamp((int)MathF.Floor(bounds.Left), 0, width - 1);
        int xMax = Math.Clamp((int)MathF.Ceiling(bounds.Right), 0, width - 1);
        int yMin = Math.Clamp((int)MathF.Floor(bounds.Top), 0, height - 1);
        int yMax = Math.Clamp((int)MathF.Ceiling(bounds.Bottom), 0, height - 1);
        Span<Vector2> corners =
        [
            Truncate(quad.TopLeft, xMin, yMin),
            Truncate(quad.TopRight, xMin, yMin),
            Truncate(quad.BottomRight, xMin, yMin),
            Truncate(quad.BottomLeft, xMin, yMin),
        ];

        double sum = 0;
        int count = 0;
        for (int y = yMin; y <= yMax; y++)
        {
            float left = float.PositiveInfinity, right = float.NegativeInfinity;
            for (int i = 0; i < 4; i++)
            {
                Vector2 a = corners[i];
                Vector2 b = corners[(i + 1) % 4];
                if (y < MathF.Min(a.Y, b.Y) || y > MathF.Max(a.Y, b.Y))
                {
                    continue;
                }

                if (a.Y == b.Y)
                {
                    left = MathF.Min(left, MathF.Min(a.X, b.X));
                    right = MathF.Max(right, MathF.Max(a.X, b.X));
                    continue;
                }

                float x = a.X + ((y - a.Y) * (b.X - a.X) / (b.Y - a.Y));
                left = MathF.Min(left, x);
                right = MathF.Max(right, x);
            }

            if (left > right)
            {
                continue;
            }

            int from = Math.Max(xMin, (int)MathF.Round(left));
            int to = Math.Min(xMax, (int)MathF.Round(right));
            int row = y * width;
            for (int x = from; x <= to; x++)
            {
                sum += probability[row + x];
                count++;
            }
        }

        return count == 0 ? 0f : (float)(sum / count);
    }

    // astype(np.int32) after subtracting the bounding corner: truncation toward zero, in map coordinates.
    private static Vector2 Truncate(Vector2 p, int xMin, int yMin) => new((int)(p.X - xMin) + xMin, (int)(p.Y - yMin) + yMin);

    // np.clip(np.round(x / width * dest_width), 0, dest_width), then clipped to the last pixel (filter_tag_det_res).
    private static Quad Scale(Quad quad, int mapWidth, int mapHeight, int frameWidth, int frameHeight)
    {
        Vector2 S(Vector2 p)
        {
            float x = (float)Math.Round((double)p.X / mapWidth * frameWidth);
            float y = (float)Math.Round((double)p.Y / mapHeight * frameHeight);
            return new Vector2(Math.Clamp(x, 0, frameWidth - 1), Math.Clamp(y, 0, frameHeight - 1));
        }

        return new Quad(S(quad.TopLeft), S(quad.TopRight), S(quad.BottomRight), S(quad.BottomLeft));
    }
}
