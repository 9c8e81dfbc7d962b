using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Captions.Engine.Tests.Models;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (random free port) serving in-memory files, with switches for the failures a
/// model download meets: a connection dropped midway, ranges ignored, a stall, an error status. Raw sockets rather
/// than Kestrel so a test can cut a response after exactly N body bytes. One request per connection (Connection: close).
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    // Requests are a request line and a few headers; 16 KiB bounds a misbehaving client.
    private const int MaxHeaderBytes = 16 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Task _acceptLoop;
    private int _dropNextAfter = -1;

    public LoopbackHttpServer()
    {
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/models/");
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri BaseUrl { get; }

    /// <summary>Answer every request with 200 and the whole file, as servers without range support do.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>After this many body bytes, stop sending (keep the connection open) until the server is disposed.</summary>
    public int? StallAfterBytes { get; set; }

    /// <summary>Answer every request with this status and an empty body.</summary>
    public HttpStatusCode? ForcedStatus { get; set; }

    /// <summary>Every request as "GET /path" plus its Range header ("-" when none), in arrival order.</summary>
    public ConcurrentQueue<(string Path, string? Range)> Requests { get; } = new();

    /// <summary>A ggml-looking file: the "ggml" magic then seeded random bytes.</summary>
    public static byte[] ModelBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        BitConverter.TryWriteBytes(bytes, 0x67676d6cu);
        return bytes;
    }

    public void Serve(string fileName, byte[] content) => _files[fileName] = content;

    /// <summary>The next response is cut (socket closed) after <paramref name="bytes"/> body bytes; later ones are whole.</summary>
    public void DropNextResponseAfter(int bytes) => Volatile.Write(ref _dropNextAfter, bytes);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The listener was stopped under the pending accept: the expected way out of the loop.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = HandleAsync(client);
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var (path, range) = await ReadRequestAsync(stream);
                Requests.Enqueue((path, range));
                await RespondAsync(stream, path, range);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (a cancelled download) or the server is stopping.
            }
        }
    }

    private static async Task<(string Path, string? Range)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new byte[MaxHeaderBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0)
            {
                break;
            }

            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(buffer, 0, length).Split("\r\n");
        var path = lines[0].Split(' ') is { Length: >= 2 } parts ? Uri.UnescapeDataString(parts[1]) : "/";
        var range = lines.Skip(1)
            .Where(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))
            .Select(l => l["Range:".Length..].Trim())
            .FirstOrDefault();
        return (path, range);
    }

    private async Task RespondAsync(NetworkStream stream, string path, string? range)
    {
        if (ForcedStatus is { } forced)
        {
            await WriteHeadAsync(stream, forced, [("Content-Length", "0")]);
            return;
        }

        var prefix = BaseUrl.AbsolutePath;
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || !_files.TryGetValue(path[prefix.Length..], out var content))
        {
            await WriteHeadAsync(stream, HttpStatusCode.NotFound, [("Content-Length", "0")]);
            return;
        }

        var from = 0L;
        if (range is not null && !IgnoreRange)
        {
            from = long.Parse(range["bytes=".Length..].TrimEnd('-'), CultureInfo.InvariantCulture);
            if (from >= content.Length)
            {
                await WriteHeadAsync(stream, HttpStatusCode.RequestedRangeNotSatisfiable,
                    [("Content-Range", $"bytes */{content.Length}"), ("Content-Length", "0")]);
                return;
            }

            await WriteHeadAsync(stream, HttpStatusCode.PartialContent,
                [("Content-Range", $"bytes {from}-{content.Length - 1}/{content.Length}"), ("Content-Length", (content.Length - from).ToString(CultureInfo.InvariantCulture))]);
        }
        else
        {
            await WriteHeadAsync(stream, HttpStatusCode.OK, [("Content-Length", content.Length.ToString(CultureInfo.InvariantCulture))]);
        }

        var body = content.AsMemory((int)from);
        var drop = Interlocked.Exchange(ref _dropNextAfter, -1);
        if (drop >= 0)
        {
            await stream.WriteAsync(body[..Math.Min(drop, body.Length)]);
            await stream.FlushAsync();
            return;
        }

        if (StallAfterBytes is { } stall)
        {
            await stream.WriteAsync(body[..Math.Min(stall, body.Length)]);
            await stream.FlushAsync();
            await Task.Delay(Timeout.Infinite, _stop.Token);
        }

        await stream.WriteAsync(body);
    }

    private static async Task WriteHeadAsync(NetworkStream stream, HttpStatusCode status, (string Name, string Value)[] headers)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {(int)status} {status}\r\n")
            .Append("Connection: close\r\n")
            .Append("Content-Type: application/octet-stream\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
    }
}
