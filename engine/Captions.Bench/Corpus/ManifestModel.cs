namespace Captions.Bench.Corpus;

/// <summary>A parsed manifest: its items in file order and the manifests it includes (their items serve as sources).</summary>
internal sealed record Manifest(string Path, string Name, IReadOnlyList<ItemSpec> Items, IReadOnlyList<Manifest> Includes)
{
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;
}

/// <summary>One item of a manifest as written, validated but not resolved (no file has been touched).</summary>
internal sealed record ItemSpec(
    Manifest Owner,
    string Id,
    string? Language,
    string Kind,
    ItemOrigin Origin,
    string? Transcript,
    string? TranscriptFile,
    string? AlignmentFile)
{
    /// <summary>"&lt;manifest&gt;: item '&lt;id&gt;'", the prefix of every message about this item.</summary>
    public string Where => $"{Owner.Path}: item '{Id}'";
}

/// <summary>Where an item's audio comes from: exactly one of audio, synth, mix or session.</summary>
internal abstract record ItemOrigin;

/// <summary>An existing recording (<c>"audio"</c>), path already resolved against the manifest folder and placeholders.</summary>
internal sealed record AudioOrigin(string Written, string? FullPath) : ItemOrigin;

/// <summary>espeak-ng speech (<c>"synth"</c>); <see cref="SpecJson"/> is the compact JSON the cache key hashes.</summary>
internal sealed record SynthOrigin(string Voice, string Text, string SpecJson) : ItemOrigin;

/// <summary>Another item with seeded noise mixed in and silence gaps inserted (<c>"mix"</c>).</summary>
internal sealed record MixOrigin(string From, NoiseColor? Noise, double SnrDb, IReadOnlyList<GapSpec> Gaps, string SpecJson) : ItemOrigin;

/// <summary>A long recording: the named items round-robin until <see cref="Minutes"/> is reached (<c>"session"</c>).</summary>
internal sealed record SessionOrigin(IReadOnlyList<string> From, double Minutes, double GapSeconds, string SpecJson) : ItemOrigin;

/// <summary>Silence of <see cref="Seconds"/> inserted after reference word <see cref="After"/> (0-based).</summary>
internal sealed record GapSpec(int After, double Seconds);

/// <summary>Noise spectra a mix can add.</summary>
internal enum NoiseColor
{
    /// <summary>Flat spectrum (fans, hiss).</summary>
    White,

    /// <summary>-3 dB/octave (rain, crowd murmur).</summary>
    Pink,

    /// <summary>-6 dB/octave (traffic rumble, wind).</summary>
    Brown,
}
