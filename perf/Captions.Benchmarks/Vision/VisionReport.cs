using Captions.Vision.Ocr;
using Spectre.Console;
using static Captions.Benchmarks.Vision.VisionStats;

namespace Captions.Benchmarks.Vision;

/// <summary>The vision runner's tables.</summary>
internal static class VisionReport
{
    private static readonly OcrLanguageRouterOptions s_autoRule = new();

    internal static List<AccuracySummary> Summaries(IReadOnlyList<CropAccuracyResult> crops)
    {
        var groups = crops.GroupBy(c => c.Language).Select(g => (g.Key, g.ToList())).ToList();
        if (crops.Count > 0)
        {
            groups.Add(("all", crops.ToList()));
        }

        return groups.Select(g =>
        {
            var (language, list) = g;
            var withTesseract = list.Where(c => !double.IsNaN(c.TesseractCer)).ToList();
            var routed = list.Select(c => OcrLanguageRouter.IsPrimaryLanguage(c.Language) || double.IsNaN(c.TesseractCer)
                ? (Cer: c.PaddleCer, Exact: c.PaddleText == c.Expected)
                : (Cer: c.TesseractCer, Exact: c.TesseractText == c.Expected)).ToList();
            return new AccuracySummary(
                language,
                list.Count,
                list.Average(c => c.PaddleCer),
                list.Count(c => c.PaddleText == c.Expected) / (double)list.Count,
                Percentile([.. list.Select(c => c.PaddleMs)], 0.5),
                language == "all" ? "per language" : string.Join(",", list.Select(c => c.TesseractEngine.Replace("tesseract:", "", StringComparison.Ordinal)).Distinct()),
                withTesseract.Count == 0 ? double.NaN : withTesseract.Average(c => c.TesseractCer),
                withTesseract.Count == 0 ? double.NaN : withTesseract.Count(c => c.TesseractText == c.Expected) / (double)withTesseract.Count,
                Percentile([.. withTesseract.Select(c => c.TesseractMs)], 0.5),
                routed.Average(r => r.Cer),
                routed.Count(r => r.Exact) / (double)routed.Count,
                list.Average(c => c.AutoCer),
                list.Count(c => c.AutoText == c.Expected) / (double)list.Count,
                list.Count(c => c.PaddleConfidence < s_autoRule.LowConfidence));
        }).ToList();
    }

    internal static void Print(IReadOnlyList<GridResult> grids, IReadOnlyList<CropAccuracyResult> crops, IReadOnlyList<PipelineRun> videos, string translator)
    {
        if (grids.Count > 0)
        {
            var table = new Table().Title("frame-to-overlay latency, SignPipeline (PP-OCRv4 det + rec, 1 frame in flight)")
                .AddColumns("frame", "regions", "found", "detect ms", "recognise ms/frame", "ms/crop", "latency p50", "p95", "first frame", "recognitions");
            foreach (var g in grids)
            {
                table.AddRow($"{g.Width}x{g.Height}", $"{g.Regions}", $"{g.Detected}", F(g.DetectMs), F(g.RecognizeFrameMs), F(g.RecognizeCropMs),
                    F(g.Run.LatencyP50), F(g.Run.LatencyP95), F(g.Run.LatencyMs.Count > 0 ? g.Run.LatencyMs[0] : 0), $"{g.Run.Recognitions}");
            }

            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"latency = Published - Captured per frame over {grids[0].Run.Frames} copies of the frame; the first frames read every region (<= 16 a frame, 2 votes), later ones only track. detect = median Detect(); recognise = every detected crop once.");
        }

        if (crops.Count > 0)
        {
            var table = new Table().Title("PP-OCR vs Tesseract on the same crops (synthetic corpus, exact truth)")
                .AddColumns("language", "crops", "PP-OCR CER", "exact", "ms/crop", "Tesseract", "CER", "exact", "ms/crop", "routed CER", "exact", "auto CER", "exact", $"PP-OCR conf < {s_autoRule.LowConfidence}");
            foreach (var s in Summaries(crops))
            {
                table.AddRow(s.Language, $"{s.Crops}", F(s.PaddleCer, "0.000"), F(s.PaddleExact, "0.00"), F(s.PaddleMsP50),
                    s.TesseractEngine, F(s.TesseractCer, "0.000"), F(s.TesseractExact, "0.00"), F(s.TesseractMsP50), F(s.RoutedCer, "0.000"), F(s.RoutedExact, "0.00"),
                    F(s.AutoCer, "0.000"), F(s.AutoExact, "0.00"), $"{s.PaddleLowConfidence}");
            }

            AnsiConsole.Write(table);
            AnsiConsole.WriteLine("CER = character edit distance / expected length, exact (case, accents, spaces). Crops: renderer ink quads grown by 1/4 line height, cut with CropExtractor.");
            AnsiConsole.WriteLine("routed = the language configured (--from LANG); auto = none configured (--from auto): PP-OCR first, then by its reading's script, confidence and accents.");
        }

        if (videos.Count > 0)
        {
            var table = new Table().Title($"requests saved by tracking + cache, moving sign video (translator {translator})")
                .AddColumns("video", "frames", "regions = naive OCR", "recognitions", "naive MT", "MT requests", "cache hits", "tracks", "overlays", "latency p50", "p95");
            foreach (var v in videos)
            {
                table.AddRow(v.Name, $"{v.Frames}", $"{v.RegionsDetected}", $"{v.Recognitions}", $"{v.RegionsDetected}", $"{v.TranslationRequests}", $"{v.CacheHits}",
                    $"{v.TracksStarted}", $"{v.OverlayIds}", F(v.LatencyP50), F(v.LatencyP95));
            }

            AnsiConsole.Write(table);
            foreach (var v in videos)
            {
                AnsiConsole.WriteLine($"{v.Name} shown at the end: {string.Join(" | ", v.FinalTexts.Zip(v.FinalTranslations, (s, t) => $"{s} -> {t}"))}");
            }

            AnsiConsole.WriteLine("naive = one recognition and one translation per detected region per frame; the sign has 2 lines, so 2 overlays and 2 requests is the ideal.");
        }
    }
}
