namespace Captions.Engine.Metrics.Latency;

/// <summary>
/// Lag of one reference word: seconds from the word's end in the audio to its first appearance on screen and to its
/// commit. Null means the word never appeared (or never committed): missing, not zero lag.
/// </summary>
public readonly record struct WordLagSample(int Index, ReferenceWord Word, double? FirstShownLagSeconds, double? CommitLagSeconds)
{
    /// <summary>The word never appeared in any shown text.</summary>
    public bool IsMissing => FirstShownLagSeconds is null;
}
