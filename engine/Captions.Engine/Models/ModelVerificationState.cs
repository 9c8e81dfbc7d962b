namespace Captions.Engine.Models;

/// <summary>How far a model file's bytes have been checked.</summary>
public enum ModelVerificationState
{
    /// <summary>Never hashed here: no sidecar (e.g. a file put in place by hand). Run <c>captions models verify</c>.</summary>
    Unchecked,

    /// <summary>Matched the checksum whisper.cpp publishes (SHA-1) or a catalog SHA-256.</summary>
    Verified,

    /// <summary>
    /// No checksum is published for this file; it matches the SHA-256 recorded when it was downloaded, so it has not
    /// changed since, but nothing vouches for what was downloaded.
    /// </summary>
    Recorded,

    /// <summary>The bytes differ from the published or recorded checksum, or the file is not a ggml model.</summary>
    Mismatch,
}
