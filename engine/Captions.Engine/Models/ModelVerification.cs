namespace Captions.Engine.Models;

/// <summary>The outcome of re-hashing one model file.</summary>
/// <param name="Path">The file checked.</param>
/// <param name="Model">Its catalog entry, or null.</param>
/// <param name="Hashes">What the bytes hash to now (null when the file is not a ggml model and was not hashed).</param>
/// <param name="State">Verified, Recorded, Unchecked (nothing to compare against) or Mismatch.</param>
/// <param name="Detail">One line for users: what was compared, and expected/actual on a mismatch.</param>
public sealed record ModelVerification(string Path, WhisperModelInfo? Model, ModelHashes? Hashes, ModelVerificationState State, string Detail)
{
    public bool IsHealthy => State != ModelVerificationState.Mismatch;
}
