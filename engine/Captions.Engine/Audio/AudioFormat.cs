namespace Captions.Engine.Audio;

/// <summary>The pipeline's internal audio format: 16 kHz mono float32 in [-1, 1].</summary>
public static class AudioFormat
{
    public const int SampleRate = 16_000;

    /// <summary>20 ms frames: small enough for a responsive VAD, 50 channel hops a second.</summary>
    public const int FrameSamples = 320;

    public static TimeSpan FrameDuration { get; } = TimeSpan.FromMilliseconds(1000.0 * FrameSamples / SampleRate);

    public static TimeSpan SamplesToTime(long samples) => TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / SampleRate);

    public static long TimeToSamples(TimeSpan time) => time.Ticks * SampleRate / TimeSpan.TicksPerSecond;
}
