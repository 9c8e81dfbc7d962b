using System.Diagnostics;
using System.Numerics;
using Captions.TestKit.Vision;
using Captions.Vision.Geometry;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;

namespace Captions.Benchmarks.Vision;

/// <summary>
/// PP-OCR against Tesseract on the same crops in the same run: every line of every synthetic corpus sign, and every
/// menu title, name and price, cut out with <see cref="CropExtractor"/> along the renderer's exact ink quad grown by
/// a quarter of the line height (the padding a detector's unclip gives), then read by the PP-OCR recogniser and by
/// the Tesseract recogniser of the sample's language. Detection is left out so only recognition is compared.
/// </summary>
internal static class CropAccuracyBench
{
    internal static List<CropAccuracyResult> Run(ITextRecognizer paddle, Func<string, ITextRecognizer?> tesseractFor)
    {
        var auto = new OcrLanguageRouter(paddle, tesseractFor, OcrLanguageRouter.Auto);
        var samples = new List<(string Name, string Language, string Expected, ImageFrame Crop)>();
        foreach (var spec in SyntheticSignCorpus.Signs)
        {
            var sign = SignImageRenderer.Render(spec);
            var frame = sign.LoadFrame();
            for (var i = 0; i < spec.Lines.Count; i++)
            {
                samples.Add(($"{spec.Name}#{i}", spec.Language, spec.Lines[i], CropExtractor.Extract(frame, Pad(sign.LineBoxes[i]))));
            }
        }

        foreach (var spec in SyntheticSignCorpus.Menus)
        {
            var menu = MenuImageRenderer.Render(spec);
            var frame = menu.LoadFrame();
            samples.Add(($"{spec.Name}#title", spec.Language, spec.Title, CropExtractor.Extract(frame, Pad(menu.TitleBox))));
            for (var i = 0; i < spec.Items.Count; i++)
            {
                samples.Add(($"{spec.Name}#name{i}", spec.Language, spec.Items[i].Name, CropExtractor.Extract(frame, Pad(menu.NameBoxes[i]))));
                samples.Add(($"{spec.Name}#price{i}", spec.Language, spec.Items[i].Price, CropExtractor.Extract(frame, Pad(menu.PriceBoxes[i]))));
            }
        }

        // Warm both: the first call of each pays session and per-language init (85-290 ms for Tesseract).
        paddle.Recognize(samples[0].Crop);
        foreach (var language in samples.Select(s => s.Language).Distinct())
        {
            tesseractFor(language)?.Recognize(samples.First(s => s.Language == language).Crop);
        }

        foreach (var candidate in new OcrLanguageRouterOptions().AutoCandidates)
        {
            tesseractFor(candidate)?.Recognize(samples[0].Crop);
        }

        var results = new List<CropAccuracyResult>(samples.Count);
        foreach (var (name, language, expected, crop) in samples)
        {
            var start = Stopwatch.GetTimestamp();
            var p = paddle.Recognize(crop);
            var paddleMs = VisionStats.Milliseconds(start, Stopwatch.GetTimestamp());
            var tesseract = tesseractFor(language);
            RecognizedText t = default;
            var tesseractMs = 0.0;
            if (tesseract is not null)
            {
                start = Stopwatch.GetTimestamp();
                t = tesseract.Recognize(crop);
                tesseractMs = VisionStats.Milliseconds(start, Stopwatch.GetTimestamp());
            }

            start = Stopwatch.GetTimestamp();
            var a = auto.Recognize(crop);
            var autoMs = VisionStats.Milliseconds(start, Stopwatch.GetTimestamp());

            var pText = p.Text.Trim();
            var tText = (t.Text ?? "").Trim();
            var aText = a.Text.Trim();
            results.Add(new CropAccuracyResult(name, language, expected,
                pText, VisionStats.CharacterErrorRate(expected, pText), paddleMs, p.Confidence,
                tesseract?.Name ?? "(none)", tText, tesseract is null ? double.NaN : VisionStats.CharacterErrorRate(expected, tText), tesseractMs,
                aText, VisionStats.CharacterErrorRate(expected, aText), autoMs, a.Language));
        }

        return results;
    }

    /// <summary>The quad grown by a quarter of its height on every side, along its own axes.</summary>
    internal static Quad Pad(Quad q)
    {
        var pad = q.Height * 0.25f;
        var across = Vector2.Normalize(q.TopRight - q.TopLeft) * pad;
        var down = Vector2.Normalize(q.BottomLeft - q.TopLeft) * pad;
        return new Quad(q.TopLeft - across - down, q.TopRight + across - down, q.BottomRight + across + down, q.BottomLeft - across + down);
    }
}
