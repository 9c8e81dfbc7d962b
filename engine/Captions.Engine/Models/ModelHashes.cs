using System.Security.Cryptography;

namespace Captions.Engine.Models;

/// <summary>SHA-1 (what whisper.cpp publishes) and SHA-256 (what we record) of one file, lowercase hex.</summary>
public sealed record ModelHashes(string Sha1, string Sha256, long Length)
{
    // 1 MiB reads: hashing runs at disk/SHA speed (~0.5-1 GB/s), a 466 MiB model in about a second.
    private const int BufferSize = 1 << 20;

    /// <summary>Hashes a whole file with both algorithms in one pass.</summary>
    public static async Task<ModelHashes> ComputeAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var hasher = new ModelHasher();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        await hasher.AppendAsync(stream, cancellationToken).ConfigureAwait(false);
        return hasher.Finish();
    }

    /// <summary>True when <paramref name="model"/>'s published checksums (those it has) equal these.</summary>
    public bool MatchesPublished(WhisperModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (model.Sha1 is null || string.Equals(model.Sha1, Sha1, StringComparison.OrdinalIgnoreCase))
            && (model.Sha256 is null || string.Equals(model.Sha256, Sha256, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Feeds bytes to SHA-1 and SHA-256 at once, so a download is hashed as it arrives.</summary>
internal sealed class ModelHasher : IDisposable
{
    private readonly IncrementalHash _sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _length;

    public void Append(ReadOnlySpan<byte> data)
    {
        _sha1.AppendData(data);
        _sha256.AppendData(data);
        _length += data.Length;
    }

    public async Task AppendAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            Append(buffer.AsSpan(0, read));
        }
    }

    public ModelHashes Finish() =>
        new(Convert.ToHexStringLower(_sha1.GetHashAndReset()), Convert.ToHexStringLower(_sha256.GetHashAndReset()), _length);

    public void Dispose()
    {
        _sha1.Dispose();
        _sha256.Dispose();
    }
}
