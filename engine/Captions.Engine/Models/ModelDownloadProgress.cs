namespace Captions.Engine.Models;

/// <summary>One progress report of a download.</summary>
/// <param name="BytesReceived">Bytes of the file on disk so far, including any resumed part.</param>
/// <param name="TotalBytes">The file's full size when the server said (Content-Length / Content-Range), else null.</param>
/// <param name="BytesPerSecond">Average rate of this session's transfer (resumed bytes excluded).</param>
/// <param name="ResumedFrom">Bytes that were already on disk when this session started (0 for a fresh download).</param>
public readonly record struct ModelDownloadProgress(long BytesReceived, long? TotalBytes, double BytesPerSecond, long ResumedFrom)
{
    public double? Fraction => TotalBytes is > 0 ? (double)BytesReceived / TotalBytes.Value : null;
}
