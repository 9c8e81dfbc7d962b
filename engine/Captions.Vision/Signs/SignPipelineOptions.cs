using Captions.Vision.Geometry;
using Captions.Vision.Imaging;
using Captions.Vision.Tracking;

namespace Captions.Vision.Signs;

/// <summary>What <see cref="SignPipeline"/> reads, translates and how much work it does per frame.</summary>
public sealed record SignPipelineOptions
{
    /// <summary>Language of the text ("auto", or an ISO 639-1 code such as "ja"): goes to the translator and the items.</summary>
    public string SourceLanguage { get; init; } = "auto";

    /// <summary>Language to translate into (ISO 639-1).</summary>
    public string TargetLanguage { get; init; } = "en";

    /// <summary>Group lines into dishes and prices (menu mode): only names are translated, prices kept as printed.</summary>
    public bool Menu { get; init; }

    /// <summary>
    /// Readings a text needs before it is shown (see <see cref="SignTrackerOptions.Votes"/>). At the end of the input
    /// (a photo) the leading reading shows anyway; a folder of unrelated photos wants 1.
    /// </summary>
    public int Votes { get; init; } = 2;

    /// <summary>Frames a sign may go unseen before its overlay is retired (see <see cref="SignTrackerOptions.RetireAfterFrames"/>).</summary>
    public int RetireAfterFrames { get; init; } = 10;

    /// <summary>
    /// Regions used per frame, the detector's highest-scoring ones (100, as the PP-OCR detector's cap and the
    /// Vision:MaxRegions setting): each costs tracking every frame and, when new, recognition.
    /// </summary>
    public int MaxRegions { get; init; } = 100;

    /// <summary>
    /// Crops read per frame (16; not yet tuned against measured recognition cost). New regions go first, then the ones
    /// still voting, then changed ones, each group longest-waiting first; the rest wait for later frames.
    /// </summary>
    public int MaxRecognitionsPerFrame { get; init; } = 16;

    /// <summary>
    /// Frames buffered between the source and detection (2). A live source drops the oldest beyond this (counted in
    /// <see cref="SignPipeline.DroppedFrames"/>); a file source waits, so no frame of a video or photo is lost.
    /// </summary>
    public int FrameQueueCapacity { get; init; } = 2;

    /// <summary>
    /// How long the end of a run (a photo, the end of a video) waits for translations still running before it publishes
    /// the last frame once more with them (10 s, on the pipeline's <see cref="TimeProvider"/>).
    /// </summary>
    public TimeSpan FinalTranslationWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Readings less sure than this (0.5, PaddleOCR's drop_score) count as "nothing readable": clutter the detector
    /// mistakes for text (a 12-pixel blob read as "福" at low confidence) never becomes an overlay or a request.
    /// </summary>
    public float MinConfidence { get; init; } = 0.5f;

    /// <summary>Cuts a region out of a frame, upright; null = <see cref="Ocr.CropExtractor.Extract"/> (perspective warp, as PaddleOCR).</summary>
    public Func<ImageFrame, Quad, ImageFrame>? Crop { get; init; }

    /// <summary>Finer tracker settings; <see cref="Votes"/> and <see cref="RetireAfterFrames"/> above override its values.</summary>
    public SignTrackerOptions Tracker { get; init; } = new();

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SourceLanguage, nameof(SourceLanguage));
        if (!(MinConfidence is >= 0f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(MinConfidence), MinConfidence, "expected 0..1");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(TargetLanguage, nameof(TargetLanguage));
        ArgumentOutOfRangeException.ThrowIfLessThan(Votes, 1, nameof(Votes));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetireAfterFrames, 1, nameof(RetireAfterFrames));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRegions, 1, nameof(MaxRegions));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecognitionsPerFrame, 1, nameof(MaxRecognitionsPerFrame));
        ArgumentOutOfRangeException.ThrowIfLessThan(FrameQueueCapacity, 1, nameof(FrameQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(FinalTranslationWait, TimeSpan.Zero, nameof(FinalTranslationWait));
        ArgumentNullException.ThrowIfNull(Tracker, nameof(Tracker));
        TrackerOptions().Validate();
    }

    internal SignTrackerOptions TrackerOptions() => Tracker with
    {
        Votes = Votes,
        RetireAfterFrames = RetireAfterFrames,
        VoteWindow = Math.Max(Tracker.VoteWindow, (2 * Votes) + 1),
    };
}
