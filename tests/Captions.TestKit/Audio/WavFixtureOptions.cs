namespace Captions.TestKit.Audio;

/// <summary>How to lay out (and how to break) a WAV written by <see cref="WavFixture"/>.</summary>
public sealed record WavFixtureOptions
{
    /// <summary>Write WAVE_FORMAT_EXTENSIBLE (tag 0xFFFE, 40-byte fmt) with the subformat GUID of the encoding.</summary>
    public bool Extensible { get; init; }

    /// <summary>wValidBitsPerSample for extensible headers; defaults to the container size.</summary>
    public int? ValidBits { get; init; }

    /// <summary>Replaces the subformat GUID's format code (extensible only), e.g. 0x0002 for ADPCM.</summary>
    public ushort? SubFormatTag { get; init; }

    public IReadOnlyList<WavChunk> ChunksBeforeFmt { get; init; } = [];

    public IReadOnlyList<WavChunk> ChunksBeforeData { get; init; } = [];

    public IReadOnlyList<WavChunk> ChunksAfterData { get; init; } = [];

    /// <summary>A lying data size (e.g. 0xFFFFFFFF for a streamed file, or more than is present).</summary>
    public uint? DataSizeOverride { get; init; }

    public bool OmitFmt { get; init; }

    public bool OmitData { get; init; }

    /// <summary>Put the data chunk before the fmt chunk (invalid for a streaming reader).</summary>
    public bool DataBeforeFmt { get; init; }

    public string RiffId { get; init; } = "RIFF";

    public string WaveId { get; init; } = "WAVE";

    /// <summary>Cut the finished file to this many bytes.</summary>
    public int? TruncateTo { get; init; }

    /// <summary>Overrides the fmt chunk's block align (a lying header).</summary>
    public int? BlockAlignOverride { get; init; }
}
