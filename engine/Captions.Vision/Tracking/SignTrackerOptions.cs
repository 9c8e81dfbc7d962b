namespace Captions.Vision.Tracking;

/// <summary>How <see cref="SignTracker"/> matches regions across frames and votes on readings.</summary>
public sealed record SignTrackerOptions
{
    /// <summary>Readings a text needs before it is shown (2: one misread frame never reaches the overlay).</summary>
    public int Votes { get; init; } = 2;

    /// <summary>
    /// Readings remembered per track for the vote (5 = 2 x Votes + 1: alternating misreads stay within one vote of
    /// each other, so the shown reading never flips, while a real change wins within four readings).
    /// </summary>
    public int VoteWindow { get; init; } = 5;

    /// <summary>Frames a track may go unseen before it is retired (10 = a third of a second at 30 fps).</summary>
    public int RetireAfterFrames { get; init; } = 10;

    /// <summary>Bounding-box intersection over union that counts as the same region (0.1: fast motion still overlaps).</summary>
    public float MinOverlap { get; init; } = 0.1f;

    /// <summary>
    /// Largest centre shift between frames, as a fraction of the track's box diagonal, that still counts as the same
    /// region when the boxes no longer overlap enough (0.5: a sign moving half its size a frame).
    /// </summary>
    public float MaxCentreShift { get; init; } = 0.5f;

    /// <summary>Smallest area ratio (smaller / larger box) between frames for a match (0.4).</summary>
    public float MinAreaRatio { get; init; } = 0.4f;

    /// <summary>
    /// Fingerprint distance (contrast units, <see cref="CropFingerprint.Distance"/>) above which a region is re-read
    /// (0.35, from the synthetic tests; to be checked on camera footage).
    /// </summary>
    public float ChangedFingerprint { get; init; } = 0.35f;

    /// <summary>
    /// Similarity (<see cref="TextSimilarity"/>) under which a consistently new reading is a different text in the same
    /// place (a replaced board), which gets a new track id instead of out-voting the old reading (0.5).
    /// </summary>
    public float DifferentTextSimilarity { get; init; } = 0.5f;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Votes, 1, nameof(Votes));
        ArgumentOutOfRangeException.ThrowIfLessThan(VoteWindow, Votes, nameof(VoteWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetireAfterFrames, 1, nameof(RetireAfterFrames));
        ArgumentOutOfRangeException.ThrowIfNegative(MinOverlap, nameof(MinOverlap));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxCentreShift, nameof(MaxCentreShift));
        ArgumentOutOfRangeException.ThrowIfNegative(ChangedFingerprint, nameof(ChangedFingerprint));
    }
}
