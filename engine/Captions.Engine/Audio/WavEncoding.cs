namespace Captions.Engine.Audio;

/// <summary>How samples are stored in a WAV data chunk (after resolving WAVE_FORMAT_EXTENSIBLE).</summary>
public enum WavEncoding
{
    /// <summary>Integer PCM: 8-bit unsigned, 16/24/32-bit signed little-endian.</summary>
    Pcm,

    /// <summary>IEEE 754 float32 little-endian.</summary>
    IeeeFloat,
}
