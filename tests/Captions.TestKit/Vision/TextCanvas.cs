using System.Globalization;
using System.Numerics;
using Captions.Vision.Geometry;

namespace Captions.TestKit.Vision;

/// <summary>
/// Draws text pieces on a plain canvas with ffmpeg (drawtext, then perspective, rotate, gblur, noise) into a cached
/// PNG, and measures where each measured piece's ink ended up: each piece is drawn alone, white on black and
/// undistorted, in a frame of its own; its ink rectangle is then carried through the same perspective and rotation,
/// so the reported quads follow the text however the sign is warped.
/// </summary>
internal static class TextCanvas
{
    /// <summary>Mask value above which a pixel counts as ink (anti-aliased edges fade below it).</summary>
    private const byte InkThreshold = 96;

    internal static (string PngPath, IReadOnlyList<Quad> Boxes) Render(
        string kind, string canonical, int width, int height, uint background, IReadOnlyList<TextPiece> pieces, TextEffects effects)
    {
        var key = FfmpegTool.Hash($"{canonical}|{effects}");
        var png = Path.Combine(FfmpegTool.CacheDirectory, $"{kind}-{key}.png");
        var boxesPath = Path.Combine(FfmpegTool.CacheDirectory, $"{kind}-{key}.boxes");
        if (!File.Exists(png))
        {
            var filters = pieces.Select(piece => piece.Filter(piece.Colour, withBox: true, enable: null)).ToList();
            filters.AddRange(EffectFilters(background, effects));
            filters.Add("format=rgb24");
            FfmpegTool.WriteAtomically(png, temporary => FfmpegTool.Run("ffmpeg",
            [
                "-v", "error", "-y", "-f", "lavfi", "-i", $"color=c={FfmpegTool.Colour(background)}:s={width}x{height}:r=1:d=1,format=gbrp",
                "-vf", string.Join(',', filters), "-frames:v", "1", .. FfmpegTool.s_bitExact, "-f", "image2", "-c:v", "png", temporary,
            ]));
        }

        if (!File.Exists(boxesPath))
        {
            var boxes = Measure(width, height, pieces.Where(piece => piece.Measured).ToList(), effects);
            var text = string.Join('\n', boxes.Select(q => string.Join(' ', new[] { q.TopLeft, q.TopRight, q.BottomRight, q.BottomLeft }
                .SelectMany(v => new[] { v.X, v.Y }).Select(f => f.ToString("R", CultureInfo.InvariantCulture)))));
            FfmpegTool.WriteAtomically(boxesPath, temporary => File.WriteAllText(temporary, text));
        }

        return (png, ReadBoxes(boxesPath));
    }

    private static IEnumerable<string> EffectFilters(uint background, TextEffects effects)
    {
        if (effects.Perspective is { } p)
        {
            yield return $"perspective=x0={FfmpegTool.Number(p.TopLeft.X)}:y0={FfmpegTool.Number(p.TopLeft.Y)}" +
                $":x1=W+({FfmpegTool.Number(p.TopRight.X)}):y1={FfmpegTool.Number(p.TopRight.Y)}" +
                $":x2={FfmpegTool.Number(p.BottomLeft.X)}:y2=H+({FfmpegTool.Number(p.BottomLeft.Y)})" +
                $":x3=W+({FfmpegTool.Number(p.BottomRight.X)}):y3=H+({FfmpegTool.Number(p.BottomRight.Y)}):sense=destination";
        }

        if (effects.RotationDegrees != 0)
        {
            yield return $"rotate=angle={FfmpegTool.Number(effects.RotationDegrees * Math.PI / 180)}:fillcolor={FfmpegTool.Colour(background)}";
        }

        if (effects.Blur > 0)
        {
            yield return $"gblur=sigma={FfmpegTool.Number(effects.Blur)}";
        }

        if (effects.Noise > 0)
        {
            // A fixed seed: the same spec gives the same pixels on every run.
            yield return $"noise=alls={effects.Noise}:allf=u:all_seed=4242";
        }
    }

    private static List<Quad> Measure(int width, int height, IReadOnlyList<TextPiece> pieces, TextEffects effects)
    {
        if (pieces.Count == 0)
        {
            return [];
        }

        var filters = pieces.Select((piece, index) => piece.Filter(0xFFFFFF, withBox: false, enable: $"eq(n,{index})"));
        var raw = FfmpegTool.Run("ffmpeg",
        [
            "-v", "error", "-f", "lavfi", "-i", $"color=c=black:s={width}x{height}:r=1:d={pieces.Count},format=gbrp",
            "-vf", string.Join(',', filters) + ",format=gray", "-frames:v", pieces.Count.ToString(CultureInfo.InvariantCulture),
            "-f", "rawvideo", "-pix_fmt", "gray", "-",
        ]);
        var frameBytes = width * height;
        if (raw.Length != frameBytes * pieces.Count)
        {
            throw new InvalidOperationException($"ffmpeg gave {raw.Length} mask bytes for {pieces.Count} frames of {width}x{height}.");
        }

        var warp = effects.Perspective is { } p
            ? Homography.FromCanvas(width, height, p.TopLeft, new Vector2(width, 0) + p.TopRight, new Vector2(width, height) + p.BottomRight, new Vector2(0, height) + p.BottomLeft)
            : null;
        var quads = new List<Quad>(pieces.Count);
        for (var index = 0; index < pieces.Count; index++)
        {
            var ink = InkBounds(raw.AsSpan(index * frameBytes, frameBytes), width, height)
                ?? throw new InvalidOperationException($"Text '{pieces[index].Text}' left no ink on a {width}x{height} canvas (off the canvas or a face without its glyphs).");
            Vector2[] corners = [new(ink.Left, ink.Top), new(ink.Right, ink.Top), new(ink.Right, ink.Bottom), new(ink.Left, ink.Bottom)];
            for (var c = 0; c < 4; c++)
            {
                corners[c] = Rotate(warp?.Apply(corners[c]) ?? corners[c], width, height, effects.RotationDegrees);
            }

            quads.Add(new Quad(corners[0], corners[1], corners[2], corners[3]));
        }

        return quads;
    }

    private static System.Drawing.Rectangle? InkBounds(ReadOnlySpan<byte> mask, int width, int height)
    {
        int minX = width, minY = height, maxX = -1, maxY = -1;
        for (var y = 0; y < height; y++)
        {
            var row = mask.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                if (row[x] > InkThreshold)
                {
                    minX = Math.Min(minX, x);
                    maxX = Math.Max(maxX, x);
                    minY = Math.Min(minY, y);
                    maxY = y;
                }
            }
        }

        return maxX < 0 ? null : System.Drawing.Rectangle.FromLTRB(minX, minY, maxX + 1, maxY + 1);
    }

    /// <summary>ffmpeg's rotate: clockwise on screen (y down) about the canvas centre, canvas size kept.</summary>
    private static Vector2 Rotate(Vector2 point, int width, int height, double degrees)
    {
        if (degrees == 0)
        {
            return point;
        }

        var radians = degrees * Math.PI / 180;
        var (sin, cos) = Math.SinCos(radians);
        var dx = point.X - (width / 2.0);
        var dy = point.Y - (height / 2.0);
        return new Vector2((float)((width / 2.0) + (dx * cos) - (dy * sin)), (float)((height / 2.0) + (dx * sin) + (dy * cos)));
    }

    private static List<Quad> ReadBoxes(string path)
    {
        var quads = new List<Quad>();
        foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0))
        {
            var v = line.Split(' ').Select(s => float.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            quads.Add(new Quad(new Vector2(v[0], v[1]), new Vector2(v[2], v[3]), new Vector2(v[4], v[5]), new Vector2(v[6], v[7])));
        }

        return quads;
    }
}
