namespace Captions.Vision.Signs;

/// <summary>
/// Stamps for one processed frame, all from the pipeline's <see cref="TimeProvider"/> (GetTimestamp units), so the
/// harness can split frame-to-overlay latency into stages. <see cref="Recognized"/> equals <see cref="Detected"/>
/// when nothing needed recognising; <see cref="Translated"/> is the last translation this frame waited for (or
/// <see cref="Recognized"/> when none).
/// </summary>
public readonly record struct SignFrameTimings(long Captured, long Detected, long Recognized, long Translated, long Published)
{
    /// <summary>Regions the detector returned.</summary>
    public int Regions { get; init; }

    /// <summary>Crops sent to a recogniser this frame (new or changed regions only).</summary>
    public int Recognitions { get; init; }

    /// <summary>Translation requests that reached the translator (cache misses) this frame.</summary>
    public int TranslationRequests { get; init; }
}
