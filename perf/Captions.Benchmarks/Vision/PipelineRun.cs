namespace Captions.Benchmarks.Vision;

/// <summary>
/// What one <see cref="Captions.Vision.Signs.SignPipeline"/> run over in-memory frames cost and did: frame-to-overlay
/// latency (Published - Captured per snapshot), the regions the detector returned in total (what naive per-frame OCR
/// and translation would each have paid), the recognitions and translation requests actually made, and the overlays.
/// </summary>
internal sealed record PipelineRun(
    string Name,
    int Frames,
    IReadOnlyList<double> LatencyMs,
    IReadOnlyList<double> DetectMs,
    IReadOnlyList<double> RecognizeMs,
    long RegionsDetected,
    long Recognitions,
    long TranslationRequests,
    long CacheHits,
    long TracksStarted,
    int OverlayIds,
    IReadOnlyList<string> FinalTexts,
    IReadOnlyList<string> FinalTranslations)
{
    public double LatencyP50 => VisionStats.Percentile([.. LatencyMs], 0.5);

    public double LatencyP95 => VisionStats.Percentile([.. LatencyMs], 0.95);
}
