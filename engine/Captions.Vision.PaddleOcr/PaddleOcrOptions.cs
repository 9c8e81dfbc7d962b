namespace Captions.Vision.PaddleOcr;

/// <summary>How <see cref="PaddleOcrEngine"/> is set up; defaults are PaddleOCR's for PP-OCRv4.</summary>
public sealed record PaddleOcrOptions
{
    /// <summary>Detection settings.</summary>
    public PaddleDetectorOptions Detector { get; init; } = PaddleDetectorOptions.Default;

    /// <summary>Run the 0/180 classifier on every crop before recognising it (PaddleOCR's use_angle_cls).</summary>
    public bool UseAngleClassifier { get; init; } = true;

    /// <summary>Probability of "180" above which a crop is turned (PaddleOCR's cls_thresh).</summary>
    public float AngleThreshold { get; init; } = 0.9f;

    /// <summary>Readings below this confidence are dropped by <see cref="PaddleOcrEngine.ReadAll"/> (PaddleOCR's drop_score).</summary>
    public float MinConfidence { get; init; } = 0.5f;

    /// <summary>Widest recognition input in pixels (a line up to 40 times longer than tall is read unsqueezed).</summary>
    public int MaxRecognitionWidth { get; init; } = 1920;

    /// <summary>
    /// ORT intra-op threads per session. 1 by default: the machine's 2 cores are shared with speech and
    /// translation, and a stage thread per model is the unit of parallelism.
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>The defaults above.</summary>
    public static PaddleOcrOptions Default { get; } = new();
}
