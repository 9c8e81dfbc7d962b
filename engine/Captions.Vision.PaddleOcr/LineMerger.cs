using System.Drawing;
using Captions.Vision.Geometry;
using Captions.Vision.Ocr;

namespace Captions.Vision.PaddleOcr;

/// <summary>
/// Joins level boxes that overlap along one line into one box. Unclip grows each word's kernel by about half a glyph,
/// so two words of one line with a normal space between can come back as two boxes that overlap by a letter: the
/// right one is then read with its neighbour's last letter ("IGNORE" + "EYOURINSTRUCTIONS" on a rendered sign). Boxes
/// that merely touch or sit apart stay apart (PaddleOCR's own word boxes); rotated lines are left alone.
/// </summary>
internal static class LineMerger
{
    /// <summary>Tilt (|dy| / dx of the top edge) up to which a box counts as level: about 5 degrees.</summary>
    private const float MaxTilt = 0.09f;

    /// <summary>Shared height, as a fraction of the shorter box, for two boxes to be one line.</summary>
    private const float MinVerticalOverlap = 0.7f;

    /// <summary>Heights within this ratio: a word and a much larger or smaller one are not one line.</summary>
    private const float MaxHeightRatio = 1.5f;

    public static void Merge(List<TextRegion> regions)
    {
        bool merged = true;
        while (merged)
        {
            merged = false;
            for (int i = 0; i < regions.Count && !merged; i++)
            {
                for (int j = i + 1; j < regions.Count; j++)
                {
                    if (SameLine(regions[i].Box, regions[j].Box))
                    {
                        regions[i] = Join(regions[i], regions[j]);
                        regions.RemoveAt(j);
                        merged = true;
                        break;
                    }
                }
            }
        }
    }

    internal static bool SameLine(Quad a, Quad b)
    {
        if (!IsLevel(a) || !IsLevel(b))
        {
            return false;
        }

        RectangleF ra = a.Bounds, rb = b.Bounds;
        float shorter = Math.Min(ra.Height, rb.Height);
        float taller = Math.Max(ra.Height, rb.Height);
        if (shorter <= 0 || taller / shorter > MaxHeightRatio)
        {
            return false;
        }

        float sharedHeight = Math.Min(ra.Bottom, rb.Bottom) - Math.Max(ra.Top, rb.Top);
        float sharedWidth = Math.Min(ra.Right, rb.Right) - Math.Max(ra.Left, rb.Left);
        return sharedHeight >= MinVerticalOverlap * shorter && sharedWidth > 0;
    }

    private static bool IsLevel(Quad q)
    {
        float dx = q.TopRight.X - q.TopLeft.X;
        return dx > 0 && MathF.Abs(q.TopRight.Y - q.TopLeft.Y) <= MaxTilt * dx;
    }

    private static TextRegion Join(TextRegion a, TextRegion b)
    {
        var union = RectangleF.Union(a.Box.Bounds, b.Box.Bounds);
        float wa = a.Box.Bounds.Width, wb = b.Box.Bounds.Width;
        float score = ((a.Score * wa) + (b.Score * wb)) / Math.Max(wa + wb, 1f);
        return new TextRegion(Quad.FromRectangle(union), score);
    }
}
