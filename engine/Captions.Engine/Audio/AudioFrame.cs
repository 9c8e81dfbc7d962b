using Captions.Engine.Timing;

namespace Captions.Engine.Audio;

/// <summary>
/// One frame of 16 kHz mono float audio. A struct over a pooled array, so frames cross channels without allocating.
/// Ownership: whoever reads a frame from a channel owns it and must <see cref="Release"/> it or pass it on.
/// </summary>
public readonly struct AudioFrame
{
    private readonly float[]? _buffer;

    public AudioFrame(float[] buffer, int length, long sampleOffset, LatencyStamps stamps)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, buffer.Length);
        _buffer = buffer;
        Length = length;
        SampleOffset = sampleOffset;
        Stamps = stamps;
    }

    private AudioFrame(long sampleOffset, LatencyStamps stamps)
    {
        _buffer = null;
        Length = 0;
        SampleOffset = sampleOffset;
        Stamps = stamps;
    }

    /// <summary>Number of valid samples.</summary>
    public int Length { get; }

    /// <summary>Position of the first sample in the stream, in 16 kHz samples since the stream began.</summary>
    public long SampleOffset { get; }

    public LatencyStamps Stamps { get; }

    public ReadOnlySpan<float> Samples => _buffer.AsSpan(0, Length);

    public TimeSpan Start => AudioFormat.SamplesToTime(SampleOffset);

    public TimeSpan End => AudioFormat.SamplesToTime(SampleOffset + Length);

    /// <summary>A frame without audio that only marks a stream position and carries stamps (no buffer to release).</summary>
    public static AudioFrame Marker(long sampleOffset, LatencyStamps stamps) => new(sampleOffset, stamps);

    /// <summary>Rents a frame buffer of <see cref="AudioFormat.FrameSamples"/> from <see cref="AudioFramePool.Shared"/>.</summary>
    public static float[] RentBuffer() => AudioFramePool.Shared.Rent();

    public AudioFrame WithStamps(LatencyStamps stamps) =>
        _buffer is null ? new(SampleOffset, stamps) : new(_buffer, Length, SampleOffset, stamps);

    /// <summary>Returns the buffer to the pool. The frame must not be used afterwards.</summary>
    public void Release()
    {
        if (_buffer is not null)
        {
            AudioFramePool.Shared.Return(_buffer);
        }
    }
}
