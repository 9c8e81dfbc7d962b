namespace Captions.TestKit.Audio;

/// <summary>Sample encodings <see cref="WavFixture"/> can write, including ones the reader must reject.</summary>
public enum WavSampleFormat
{
    Pcm8,
    Pcm16,
    Pcm24,
    Pcm32,
    Float32,
    Float64,

    /// <summary>Format tag 6. The header is real; the sample bytes are PCM8-like filler, enough to test rejection.</summary>
    ALaw,

    /// <summary>Format tag 7, header only like <see cref="ALaw"/>.</summary>
    MuLaw,

    /// <summary>Format tag 2 (MS ADPCM), header only.</summary>
    Adpcm,
}
