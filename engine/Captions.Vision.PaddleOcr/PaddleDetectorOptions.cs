namespace Captions.Vision.PaddleOcr;

/// <summary>
/// DB detection settings; the defaults are PaddleOCR's for PP-OCRv4 (tools/infer/utility.py: det_limit_side_len 960,
/// det_limit_type "max", det_db_thresh 0.3, det_db_box_thresh 0.6, det_db_unclip_ratio 1.5, max_candidates 1000).
/// </summary>
public sealed record PaddleDetectorOptions
{
    /// <summary>The longer side of the detector's input at most (frames larger are scaled down; smaller are not
    /// scaled up); both sides are then rounded to multiples of 32, the network's stride.</summary>
    public int MaxSide { get; init; } = 960;

    /// <summary>Probability above which a pixel of the map is text (the binary map).</summary>
    public float BinaryThreshold { get; init; } = 0.3f;

    /// <summary>Mean probability inside a candidate box at or above which it is kept.</summary>
    public float BoxThreshold { get; init; } = 0.6f;

    /// <summary>How far the shrunk text kernel is grown back: offset = area * ratio / perimeter.</summary>
    public float UnclipRatio { get; init; } = 1.5f;

    /// <summary>Regions returned at most (the highest-scoring ones): bounds recognition cost on busy frames.</summary>
    public int MaxRegions { get; init; } = 100;

    /// <summary>Connected components examined at most per frame (PaddleOCR's max_candidates).</summary>
    public int MaxCandidates { get; init; } = 1000;

    /// <summary>
    /// Join level boxes of one line that overlap (unclip grew two words into each other, and the right one would be read
    /// with its neighbour's last letter). Not in PaddleOCR; see <see cref="LineMerger"/>.
    /// </summary>
    public bool MergeOverlappingLines { get; init; } = true;

    /// <summary>The defaults above.</summary>
    public static PaddleDetectorOptions Default { get; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSide, 32, nameof(MaxSide));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRegions, 1, nameof(MaxRegions));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCandidates, 1, nameof(MaxCandidates));
        if (BinaryThreshold is <= 0f or >= 1f || BoxThreshold is < 0f or > 1f || UnclipRatio <= 0f)
        {
            throw new ArgumentOutOfRangeException(
                nameof(BinaryThreshold),
                $"Detector thresholds must be in (0, 1) and the unclip ratio positive; got {BinaryThreshold}, {BoxThreshold}, {UnclipRatio}.");
        }
    }
}
