namespace Captions.Engine.Models;

/// <summary>A model file in the store, as <c>captions models list</c> shows it (no hashing: cheap).</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Model">The catalog entry for its file name, or null for a file the catalog does not know.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="State">From the sidecar: Verified/Recorded when one was written after a check, else Unchecked.</param>
public sealed record InstalledModel(string Path, WhisperModelInfo? Model, long Length, ModelVerificationState State);
