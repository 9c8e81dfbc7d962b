namespace Captions.Engine.Audio;

/// <summary>The format of an opened WAV stream.</summary>
/// <param name="SampleRate">Sample frames per second.</param>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="BitsPerSample">Container bits per sample (8, 16, 24 or 32).</param>
/// <param name="Encoding">Integer PCM or IEEE float.</param>
/// <param name="FrameCount">
/// Sample frames per channel, or null when unknown (a streamed file with data size 0xFFFFFFFF on a non-seekable stream).
/// </param>
public sealed record WavInfo(int SampleRate, int Channels, int BitsPerSample, WavEncoding Encoding, long? FrameCount)
{
    /// <summary>Bytes per sample frame (all channels).</summary>
    public int BlockAlign => Channels * (BitsPerSample / 8);

    /// <summary>Playing time of <see cref="FrameCount"/> frames, or null when the length is unknown.</summary>
    public TimeSpan? Duration => FrameCount is long frames ? TimeSpan.FromTicks(frames * TimeSpan.TicksPerSecond / SampleRate) : null;
}
