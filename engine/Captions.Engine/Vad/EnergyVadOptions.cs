using Captions.Engine.Audio;

namespace Captions.Engine.Vad;

/// <summary>Settings of the <see cref="EnergyVoiceActivityDetector"/>. Levels are in dB relative to full scale (dBFS).</summary>
public sealed record EnergyVadOptions
{
    /// <summary>Duration of one frame; only used to turn <see cref="NoiseWindow"/> into a frame count.</summary>
    public TimeSpan FrameDuration { get; init; } = AudioFormat.FrameDuration;

    /// <summary>
    /// Signal-to-noise ratio above the noise floor at which the speech probability is 0.5. 10 dB: voiced speech in
    /// a quiet room sits 20-40 dB above the floor, background fluctuations 1-5 dB.
    /// </summary>
    public float ThresholdDb { get; init; } = 10f;

    /// <summary>Steepness of the logistic: the probability goes from 0.27 to 0.73 over +-1 slope around the threshold.</summary>
    public float SlopeDb { get; init; } = 2f;

    /// <summary>
    /// Frames quieter than this never count as speech, whatever the floor: digital silence and near-silence
    /// (-60 dBFS is about 1/1000 of full scale, below any usable microphone speech level).
    /// </summary>
    public float AbsoluteFloorDb { get; init; } = -60f;

    /// <summary>
    /// Minimum-statistics window: the noise floor is the quietest frame of roughly the last window. It falls at once
    /// when the room gets quieter and rises only after a whole window without a quieter frame, so speech (which has
    /// dips between words every few hundred ms) does not drag it up, while a louder background is learnt within
    /// ~1.5 s.
    /// </summary>
    public TimeSpan NoiseWindow { get; init; } = TimeSpan.FromSeconds(1.5);
}
