namespace Captions.Engine.Models;

/// <summary>A finished download.</summary>
/// <param name="Path">The final file (renamed from .partial only after the checksum check).</param>
/// <param name="Hashes">SHA-1 and SHA-256 of the whole file; the SHA-256 is also in the .sha256 sidecar.</param>
/// <param name="State">Verified against a published checksum, or Recorded when none is published.</param>
/// <param name="ResumedFrom">Bytes reused from an earlier interrupted download.</param>
public sealed record ModelDownloadResult(string Path, ModelHashes Hashes, ModelVerificationState State, long ResumedFrom);
