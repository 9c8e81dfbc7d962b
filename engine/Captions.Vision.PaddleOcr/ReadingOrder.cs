using Captions.Vision.Ocr;

namespace Captions.Vision.PaddleOcr;

/// <summary>
/// PaddleOCR's <c>sorted_boxes</c>: by the top-left corner's y then x, then neighbours whose tops are within
/// 10 pixels are put left to right (one line of words).
/// </summary>
internal static class ReadingOrder
{
    /// <summary>Tops closer than this many frame pixels are one line (PaddleOCR's value).</summary>
    public const float SameLinePixels = 10f;

    public static void Sort(TextRegion[] regions)
    {
        Array.Sort(regions, static (a, b) =>
        {
            int byY = a.Box.TopLeft.Y.CompareTo(b.Box.TopLeft.Y);
            return byY != 0 ? byY : a.Box.TopLeft.X.CompareTo(b.Box.TopLeft.X);
        });

        for (int i = 0; i < regions.Length - 1; i++)
        {
            for (int j = i; j >= 0; j--)
            {
                var upper = regions[j].Box.TopLeft;
                var lower = regions[j + 1].Box.TopLeft;
                if (MathF.Abs(lower.Y - upper.Y) < SameLinePixels && lower.X < upper.X)
                {
                    (regions[j], regions[j + 1]) = (regions[j + 1], regions[j]);
                }
                else
                {
                    break;
                }
            }
        }
    }
}
