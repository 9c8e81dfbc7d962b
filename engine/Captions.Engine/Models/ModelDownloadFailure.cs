namespace Captions.Engine.Models;

/// <summary>Why a model download failed; each has its own message and remedy.</summary>
public enum ModelDownloadFailure
{
    /// <summary>The host could not be reached (no network, DNS, connection refused); the file can be placed by hand.</summary>
    Unreachable,

    /// <summary>The server answered with an error status (404, 500, ...).</summary>
    HttpStatus,

    /// <summary>The connection broke mid-transfer; the .partial file is kept and the next pull resumes it.</summary>
    Interrupted,

    /// <summary>No bytes arrived for the stall timeout; the .partial file is kept.</summary>
    Stalled,

    /// <summary>The bytes do not match the published checksum; the .partial file was deleted.</summary>
    ChecksumMismatch,

    /// <summary>Writing the file failed (disk full, permissions, read-only folder).</summary>
    Disk,
}
