using Captions.Engine.Pipeline;

namespace Captions.Engine.Stages;

/// <summary>What a conversation run did.</summary>
/// <param name="Pipeline">How the pipeline ended and its edge counters.</param>
/// <param name="AudioDuration">Stream time covered by the frames the VAD scored.</param>
/// <param name="WallTime">Time the run took on the pipeline's clock.</param>
/// <param name="Utterances">Speech segments the VAD found.</param>
/// <param name="CaptionVersions">Caption line versions (partial and committed) delivered to the sinks.</param>
public sealed record ConversationResult(
    PipelineResult Pipeline,
    TimeSpan AudioDuration,
    TimeSpan WallTime,
    long Utterances,
    long CaptionVersions)
{
    /// <summary>Wall time over audio time: below 1 is faster than real time.</summary>
    public double RealTimeFactor => AudioDuration > TimeSpan.Zero ? WallTime / AudioDuration : 0;

    /// <summary>Requests sent to the translator (0 without one; cache hits excluded).</summary>
    public long TranslationRequests { get; init; }

    /// <summary>Translations that failed, timed out or were rejected (their lines went out untranslated).</summary>
    public long TranslationFailures { get; init; }

    /// <summary>Lines translated from the cache.</summary>
    public long TranslationCacheHits { get; init; }

    /// <summary>Compute time of the VAD stage (scoring and segmenting), waits excluded.</summary>
    public TimeSpan VadBusy { get; init; }

    /// <summary>Compute time of the recogniser stage, waits excluded.</summary>
    public TimeSpan AsrBusy { get; init; }

    /// <summary>Time translation requests spent in the translator, summed over requests (zero without one).</summary>
    public TimeSpan MtBusy { get; init; }
}
