namespace Captions.Engine.Models;

/// <summary>
/// One ggml Whisper model the catalog knows: its name (as in whisper.cpp's download-ggml-model.sh), the file it is
/// stored as, and the checksums published for it, if any.
/// </summary>
/// <param name="Name">Catalog name, e.g. "tiny.en" or "base-q5_1".</param>
/// <param name="Sha1">Lowercase hex SHA-1 published by whisper.cpp (models/README.md), or null when none is.</param>
/// <param name="Sha256">Lowercase hex SHA-256 when a source publishes one (custom catalog entries), else null.</param>
/// <param name="ApproximateSize">Size as published ("75 MiB"), for display only; null when not published.</param>
public sealed record WhisperModelInfo(string Name, string? Sha1 = null, string? Sha256 = null, string? ApproximateSize = null)
{
    /// <summary>The file name on the model hub and on disk: <c>ggml-{Name}.bin</c> unless <see cref="File"/> says otherwise.</summary>
    public string FileName => File ?? $"ggml-{Name}.bin";

    /// <summary>What the file is: a Whisper model (the default) or a Qwen GGUF for on-device translation.</summary>
    public ModelKind Kind { get; init; } = ModelKind.Whisper;

    /// <summary>File name for entries that do not follow whisper.cpp's naming (GGUF models).</summary>
    public string? File { get; init; }

    /// <summary>Where to download it when it is not under the catalog's base URL (GGUF models live in their own repos).</summary>
    public Uri? Source { get; init; }

    /// <summary>True when a published checksum lets a download be verified against its source.</summary>
    public bool HasPublishedChecksum => Sha1 is not null || Sha256 is not null;

    /// <summary>English-only models carry ".en" in their name; the rest are multilingual.</summary>
    public bool IsEnglishOnly => Name.Contains(".en", StringComparison.Ordinal);

    /// <summary>The quantisation suffix ("q5_1", "q8_0"), or null for the f16 originals.</summary>
    public string? Quantization => Name.LastIndexOf('-') is var dash and >= 0 && Name[(dash + 1)..].StartsWith('q') ? Name[(dash + 1)..] : null;
}
