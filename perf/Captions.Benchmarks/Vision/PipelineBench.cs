using System.Diagnostics;
using Captions.Engine.Translation;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;
using Captions.Vision.Signs;

namespace Captions.Benchmarks.Vision;

/// <summary>
/// Runs the real <see cref="SignPipeline"/> (the given detector and recogniser, rotated crops through
/// <see cref="RecognitionProfile"/> as `captions look` cuts them, the given translator behind a fresh cache) over frames held in memory, one frame in
/// flight at a time (<see cref="ClosedLoopFrameSource"/>), and collects per-frame stamps and counters.
/// </summary>
internal static class PipelineBench
{
    internal static async Task<PipelineRun> RunAsync(
        string name, IReadOnlyList<ImageFrame> frames, ITextDetector detector, ITextRecognizer recognizer, ITranslator? translator, string sourceLanguage, CancellationToken cancellationToken)
    {
        // The crop and confidence floor `captions look` uses with --ocr auto, so the figures are the product's.
        var options = new SignPipelineOptions
        {
            SourceLanguage = sourceLanguage,
            TargetLanguage = "es",
            Crop = RecognitionProfile.Crop("auto", sourceLanguage),
            MinConfidence = RecognitionProfile.MinConfidence("auto", sourceLanguage),
        };
        var pipeline = new SignPipeline(options, detector, recognizer, translator, new TranslationCache(), TimeProvider.System);
        await using var source = new ClosedLoopFrameSource(name, frames, TimeProvider.System);
        var latency = new List<double>();
        var detect = new List<double>();
        var recognize = new List<double>();
        var ids = new HashSet<long>();
        long regions = 0;
        SignSnapshot? last = null;
        long lastSequence = -1;
        await foreach (var snapshot in pipeline.RunAsync(source, cancellationToken).ConfigureAwait(false))
        {
            var t = snapshot.Timings;
            if (snapshot.FrameSequence != lastSequence)
            {
                // The closing re-publication of the last frame (translations that arrived after it) is not a frame.
                latency.Add(VisionStats.Milliseconds(t.Captured, t.Published));
                detect.Add(VisionStats.Milliseconds(t.Captured, t.Detected));
                if (t.Recognitions > 0)
                {
                    recognize.Add(VisionStats.Milliseconds(t.Detected, t.Recognized) / t.Recognitions);
                }

                regions += t.Regions;
                lastSequence = snapshot.FrameSequence;
            }

            foreach (var item in snapshot.Items)
            {
                ids.Add(item.Id);
            }

            last = snapshot;
            source.Advance();
        }

        await pipeline.DrainTranslationsAsync(cancellationToken).ConfigureAwait(false);
        return new PipelineRun(name, frames.Count, latency, detect, recognize, regions, pipeline.Recognitions, pipeline.TranslationRequests,
            pipeline.CacheHits, pipeline.TracksStarted, ids.Count,
            last?.Items.Select(i => i.SourceText).ToList() ?? [], last?.Items.Select(i => i.Translation ?? "(none)").ToList() ?? []);
    }

    /// <summary>Median wall time of <paramref name="repeats"/> detections after one warm-up, and the region count.</summary>
    internal static (double Ms, int Regions) TimeDetection(ITextDetector detector, ImageFrame frame, int repeats)
    {
        var regions = detector.Detect(frame).Count;
        var samples = new List<double>(repeats);
        for (var i = 0; i < repeats; i++)
        {
            var start = Stopwatch.GetTimestamp();
            detector.Detect(frame);
            samples.Add(VisionStats.Milliseconds(start, Stopwatch.GetTimestamp()));
        }

        return (VisionStats.Percentile(samples, 0.5), regions);
    }

    /// <summary>Recognises every detected region once (crops cut first): the total and the mean per crop.</summary>
    internal static (double TotalMs, double PerCropMs, int Crops) TimeRecognition(ITextDetector detector, ITextRecognizer recognizer, ImageFrame frame)
    {
        var crops = detector.Detect(frame).Select(r => CropExtractor.Extract(frame, r.Box)).ToList();
        if (crops.Count == 0)
        {
            return (0, 0, 0);
        }

        recognizer.Recognize(crops[0]);
        var start = Stopwatch.GetTimestamp();
        foreach (var crop in crops)
        {
            recognizer.Recognize(crop);
        }

        var total = VisionStats.Milliseconds(start, Stopwatch.GetTimestamp());
        return (total, total / crops.Count, crops.Count);
    }
}
