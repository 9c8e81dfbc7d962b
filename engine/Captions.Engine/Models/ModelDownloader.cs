using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Captions.Engine.Models;

/// <summary>
/// Downloads a model file to <c>NAME.partial</c>, resuming an earlier partial with a Range request, hashes the
/// finished file, checks the published checksum, and only then renames it to its final name (so a half or wrong file is
/// never mistaken for a model).
/// </summary>
/// <remarks>
/// No overall timeout: a 466 MiB file on a slow link legitimately takes many minutes. Instead a read that brings no
/// byte for <see cref="StallTimeout"/> fails the download (the partial is kept). Cancellation also keeps the partial.
/// Threading model: one download per instance call; the progress callback runs on the downloading task, so it must
/// be quick (the CLI only formats a line).
/// </remarks>
public sealed class ModelDownloader
{
    /// <summary>30 s without a byte: long enough for a congested mobile link, short enough to notice a dead one.</summary>
    public static readonly TimeSpan DefaultStallTimeout = TimeSpan.FromSeconds(30);

    // 64 KiB reads: ~7,000 reads for tiny (75 MiB), few enough that per-read costs (hash, progress) are noise.
    private const int BufferSize = 64 * 1024;

    // A 416 or a Content-Range that does not continue the partial restarts from zero once; a second surprise is an error.
    private const int MaxAttempts = 2;

    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    /// <param name="httpClient">Its Timeout should be infinite (see <see cref="CreateHttpClient"/>); stalls are timed here.</param>
    /// <param name="stallTimeout">Longest wait for the next byte (default 30 s).</param>
    /// <param name="timeProvider">Clock for the stall timeout and the rate.</param>
    public ModelDownloader(HttpClient httpClient, TimeSpan? stallTimeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _http = httpClient;
        StallTimeout = stallTimeout ?? DefaultStallTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StallTimeout, TimeSpan.Zero, nameof(stallTimeout));
        _time = timeProvider ?? TimeProvider.System;
    }

    public TimeSpan StallTimeout { get; }

    /// <summary>An HttpClient for big files: no overall timeout, 30 s to connect, no automatic decompression.</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(30),
        AutomaticDecompression = DecompressionMethods.None,
        AllowAutoRedirect = true,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Downloads <paramref name="source"/> to <paramref name="destinationPath"/>.</summary>
    /// <param name="expected">Published checksums to verify (null or none published: the file is only recorded).</param>
    /// <param name="progress">Called after every read with the running totals.</param>
    /// <exception cref="ModelDownloadException">Any failure; <see cref="ModelDownloadException.Failure"/> says which.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the .partial file is kept for a resume.</exception>
    public async Task<ModelDownloadResult> DownloadAsync(
        Uri source,
        string destinationPath,
        WhisperModelInfo? expected,
        Action<ModelDownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(destinationPath);
        var destination = Path.GetFullPath(destinationPath);
        var partial = ModelStore.PartialPathFor(destination);
        CreateDirectory(destination);

        for (var attempt = 1; ; attempt++)
        {
            var existing = File.Exists(partial) ? new FileInfo(partial).Length : 0;
            using var request = new HttpRequestMessage(HttpMethod.Get, source);
            if (existing > 0)
            {
                request.Headers.Range = new RangeHeaderValue(existing, null);
            }

            using var response = await SendAsync(request, destination, cancellationToken).ConfigureAwait(false);
            var restart = response.StatusCode switch
            {
                // 416 with the partial already as long as the file: an earlier run got every byte but stopped before
                // the rename. Anything else means the partial is not a prefix of this file.
                HttpStatusCode.RequestedRangeNotSatisfiable when existing > 0 && response.Content.Headers.ContentRange?.Length == existing => false,
                HttpStatusCode.RequestedRangeNotSatisfiable => true,
                HttpStatusCode.PartialContent when response.Content.Headers.ContentRange?.From != existing => true,
                _ => false,
            };
            if (restart)
            {
                if (attempt >= MaxAttempts)
                {
                    throw new ModelDownloadException(ModelDownloadFailure.HttpStatus, string.Create(CultureInfo.InvariantCulture,
                        $"GET {source}: HTTP {(int)response.StatusCode} answers a range request that does not continue the {existing} bytes already downloaded, even after a restart"));
                }

                File.Delete(partial);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                return await FinishAsync(source, destination, partial, expected, existing, cancellationToken).ConfigureAwait(false);
            }

            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.PartialContent))
            {
                throw new ModelDownloadException(ModelDownloadFailure.HttpStatus, string.Create(CultureInfo.InvariantCulture,
                    $"GET {source}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}"));
            }

            // 200 after a range request: the server ignores ranges, so the partial is dropped and the file restarts.
            var resumeFrom = response.StatusCode == HttpStatusCode.PartialContent ? existing : 0;
            var total = response.StatusCode == HttpStatusCode.PartialContent
                ? response.Content.Headers.ContentRange?.Length
                : response.Content.Headers.ContentLength;
            await ReceiveAsync(source, response, partial, resumeFrom, total, progress, cancellationToken).ConfigureAwait(false);
            return await FinishAsync(source, destination, partial, expected, resumeFrom, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string destination, CancellationToken cancellationToken)
    {
        using var stall = new CancellationTokenSource(StallTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
        {
            throw new ModelDownloadException(ModelDownloadFailure.Unreachable,
                $"cannot reach {request.RequestUri!.Host} ({ex.Message}). No internet here? Download {Path.GetFileName(destination)} " +
                $"elsewhere ({request.RequestUri}) and put it in {Path.GetDirectoryName(destination)}, or pass --model PATH", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ModelDownloadException(ModelDownloadFailure.Interrupted, $"GET {request.RequestUri}: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelDownloadException(ModelDownloadFailure.Stalled,
                $"GET {request.RequestUri}: no response within {StallTimeout.TotalSeconds:0.#} s", ex);
        }
    }

    private async Task ReceiveAsync(
        Uri source, HttpResponseMessage response, string partial, long resumeFrom, long? total,
        Action<ModelDownloadProgress>? progress, CancellationToken cancellationToken)
    {
        FileStream file;
        try
        {
            file = new FileStream(partial, resumeFrom > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize, useAsync: true);
            var needed = total - resumeFrom;
            if (needed is > 0 && new DriveInfo(Path.GetDirectoryName(partial)!).AvailableFreeSpace is var free && free < needed)
            {
                await file.DisposeAsync().ConfigureAwait(false);
                throw new ModelDownloadException(ModelDownloadFailure.Disk, string.Create(CultureInfo.InvariantCulture,
                    $"not enough disk space for {Path.GetFileName(partial)}: {needed} bytes needed, {free} free in {Path.GetDirectoryName(partial)}"));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not ModelDownloadException)
        {
            throw new ModelDownloadException(ModelDownloadFailure.Disk, $"cannot write {partial}: {ex.Message}", ex);
        }

        await using (file.ConfigureAwait(false))
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var buffer = new byte[BufferSize];
                var received = resumeFrom;
                var started = _time.GetTimestamp();
                using var stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
                progress?.Invoke(new ModelDownloadProgress(received, total, 0, resumeFrom));
                while (true)
                {
                    int read;
                    stall.CancelAfter(StallTimeout);
                    try
                    {
                        read = await body.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new ModelDownloadException(ModelDownloadFailure.Stalled, string.Create(CultureInfo.InvariantCulture,
                            $"GET {source}: no data for {StallTimeout.TotalSeconds:0.#} s after {received} of {total?.ToString(CultureInfo.InvariantCulture) ?? "?"} bytes; run again to resume ({partial} is kept)"), ex);
                    }
                    catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                    {
                        throw Interrupted(source, partial, received, total, ex);
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    try
                    {
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        throw new ModelDownloadException(ModelDownloadFailure.Disk, $"cannot write {partial}: {ex.Message}", ex);
                    }

                    received += read;
                    var seconds = _time.GetElapsedTime(started).TotalSeconds;
                    progress?.Invoke(new ModelDownloadProgress(received, total, seconds > 0 ? (received - resumeFrom) / seconds : 0, resumeFrom));
                }

                if (total is { } expectedLength && received != expectedLength)
                {
                    throw Interrupted(source, partial, received, total, null);
                }
            }
        }
    }

    private static ModelDownloadException Interrupted(Uri source, string partial, long received, long? total, Exception? inner) =>
        new(ModelDownloadFailure.Interrupted, string.Create(CultureInfo.InvariantCulture,
            $"GET {source}: connection lost after {received} of {total?.ToString(CultureInfo.InvariantCulture) ?? "?"} bytes{(inner is null ? string.Empty : $" ({inner.Message})")}; run again to resume ({partial} is kept)"), inner);

    private static async Task<ModelDownloadResult> FinishAsync(
        Uri source, string destination, string partial, WhisperModelInfo? expected, long resumedFrom, CancellationToken cancellationToken)
    {
        // Hashing the finished partial from disk (rather than the bytes as they arrived) also covers resumed bytes
        // written by an earlier run, and costs ~1 s for 466 MiB.
        var hashes = await ModelHashes.ComputeAsync(partial, cancellationToken).ConfigureAwait(false);
        if (expected is { HasPublishedChecksum: true } && !hashes.MatchesPublished(expected))
        {
            File.Delete(partial);
            var (algorithm, wanted, actual) = expected.Sha1 is not null ? ("sha1", expected.Sha1, hashes.Sha1) : ("sha256", expected.Sha256, hashes.Sha256);
            throw new ModelDownloadException(ModelDownloadFailure.ChecksumMismatch,
                $"{Path.GetFileName(destination)} from {source} failed its checksum: {algorithm} expected {wanted}, actual {actual}; the partial file was deleted");
        }

        try
        {
            File.Move(partial, destination, overwrite: true);
            ModelSidecar.Write(destination, hashes.Sha256);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelDownloadException(ModelDownloadFailure.Disk, $"cannot move {partial} to {destination}: {ex.Message}", ex);
        }

        var state = expected is { HasPublishedChecksum: true } ? ModelVerificationState.Verified : ModelVerificationState.Recorded;
        return new ModelDownloadResult(destination, hashes, state, resumedFrom);
    }

    private static void CreateDirectory(string destination)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelDownloadException(ModelDownloadFailure.Disk, $"cannot create the model folder {Path.GetDirectoryName(destination)}: {ex.Message}", ex);
        }
    }
}
