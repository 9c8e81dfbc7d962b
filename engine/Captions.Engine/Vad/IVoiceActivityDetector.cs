namespace Captions.Engine.Vad;

/// <summary>
/// Scores frames of 16 kHz mono audio for speech. Turning scores into speech segments (thresholds, hangover,
/// padding, minimum durations) is the <see cref="SpeechSegmenter"/>'s job, shared by every detector.
/// Threading model: not thread-safe; one VAD stage owns an instance. Must not allocate per frame.
/// </summary>
public interface IVoiceActivityDetector
{
    /// <summary>Short name used in outputs and `captions doctor` (e.g. "energy").</summary>
    string Name { get; }

    /// <summary>Returns the probability (0..1) that <paramref name="frame"/> contains speech.</summary>
    float Process(ReadOnlySpan<float> frame);

    /// <summary>Forgets all streaming state (a new stream begins).</summary>
    void Reset();
}
