using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Captions.TestKit.Translation;

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 (Kestrel, ephemeral port) that streams SSE the way vLLM,
/// llama.cpp's server and DashScope do ("data: {chunk}\n\n" ... "data: [DONE]\n\n"), answers non-streaming requests too,
/// and can be told to be slow, stall, cut the connection, fail with a status, send malformed chunks or echo the prompt.
/// Every request is recorded; connections are counted so tests can prove keep-alive reuse.
/// </summary>
/// <remarks>
/// Behaviours: <see cref="Enqueue"/> queues one-shot behaviours consumed in request order; when the queue is empty
/// <see cref="DefaultBehavior"/> answers.
/// </remarks>
public sealed partial class OpenAiLoopbackServer : IAsyncDisposable
{
    private static readonly byte[] s_done = Encoding.UTF8.GetBytes("data: [DONE]\n\n");
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<LoopbackBehavior> _queue = new();
    private readonly ConcurrentDictionary<string, byte> _connections = new();
    private readonly List<LoopbackRequest> _requests = [];
    private readonly Lock _gate = new();

    private OpenAiLoopbackServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Base URL to give an OpenAI client: http://127.0.0.1:PORT/v1.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Answers requests when no queued behaviour is left.</summary>
    public LoopbackBehavior DefaultBehavior { get; set; } = new();

    /// <summary>When set, requests without "Authorization: Bearer KEY" get a 401 whose body quotes the key sent (as OpenAI's does).</summary>
    public string? RequiredApiKey { get; set; }

    public int RequestCount
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Distinct TCP connections that carried at least one request.</summary>
    public int ConnectionCount => _connections.Count;

    public IReadOnlyList<LoopbackRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<OpenAiLoopbackServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new OpenAiLoopbackServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Queues behaviours for the next requests, in order.</summary>
    public void Enqueue(params LoopbackBehavior[] behaviors)
    {
        foreach (var behavior in behaviors)
        {
            _queue.Enqueue(behavior);
        }
    }

    /// <summary>Waits until request number <paramref name="index"/> (0-based) has arrived.</summary>
    public async Task<LoopbackRequest> WaitForRequestAsync(int index, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_requests.Count > index)
                {
                    return _requests[index];
                }
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    /// <summary>Splits an answer into token-sized pieces: words with their trailing space, long runs cut at 4 chars.</summary>
    public static IEnumerable<string> Tokenize(string answer)
    {
        foreach (Match match in TokenPattern().Matches(answer))
        {
            var piece = match.Value;
            var i = 0;
            while (i < piece.Length)
            {
                var length = Math.Min(4, piece.Length - i);
                if (i + length < piece.Length && char.IsHighSurrogate(piece[i + length - 1]))
                {
                    length++;
                }

                yield return piece.Substring(i, length);
                i += length;
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        _connections.TryAdd(context.Connection.Id, 0);
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(aborted);
        }

        var request = Record(context, body);
        using var registration = aborted.Register(request.MarkAborted);
        try
        {
            var behavior = _queue.TryDequeue(out var queued) ? queued : DefaultBehavior;
            await RespondAsync(context, request, behavior, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            request.MarkAborted();
        }
        catch (IOException)
        {
            request.MarkAborted();
        }
        finally
        {
            request.MarkFinished();
        }
    }

    private LoopbackRequest Record(HttpContext context, string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var messages = root.TryGetProperty("messages", out var list)
            ? list.EnumerateArray().Select(m => new LoopbackMessage(m.GetProperty("role").GetString() ?? string.Empty, ContentOf(m))).ToList()
            : [];
        int? maxTokens = root.TryGetProperty("max_completion_tokens", out var max) || root.TryGetProperty("max_tokens", out max) ? max.GetInt32() : null;
        lock (_gate)
        {
            var request = new LoopbackRequest(
                _requests.Count,
                context.Connection.Id,
                context.Request.Headers.Authorization.FirstOrDefault(),
                root.TryGetProperty("model", out var model) ? model.GetString() ?? string.Empty : string.Empty,
                root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
                maxTokens,
                messages,
                body);
            _requests.Add(request);
            return request;
        }
    }

    private static string ContentOf(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString() ?? string.Empty
            : string.Concat(content.EnumerateArray().Select(part => part.TryGetProperty("text", out var text) ? text.GetString() : string.Empty));
    }

    private async Task RespondAsync(HttpContext context, LoopbackRequest request, LoopbackBehavior behavior, CancellationToken aborted)
    {
        if (behavior.FirstByteDelay > TimeSpan.Zero)
        {
            await Task.Delay(behavior.FirstByteDelay, aborted);
        }

        if (RequiredApiKey is not null && request.Authorization != $"Bearer {RequiredApiKey}")
        {
            await WriteErrorAsync(context, 401, $"Incorrect API key provided: {request.Authorization?.Replace("Bearer ", string.Empty, StringComparison.Ordinal)}", aborted);
            return;
        }

        if (behavior.StatusCode != 200)
        {
            await WriteErrorAsync(context, behavior.StatusCode, $"loopback failure {behavior.StatusCode}", aborted);
            return;
        }

        var answer = behavior.Answer(request);
        if (!request.Stream)
        {
            context.Response.ContentType = "application/json";
            var completion = new
            {
                id = $"chatcmpl-{request.Index}",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = request.Model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = answer }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
            };
            await context.Response.WriteAsync(JsonSerializer.Serialize(completion), aborted);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync(aborted);
        await WriteChunkAsync(context, request, new { role = "assistant", content = string.Empty }, null, aborted);
        var sent = 0;
        foreach (var token in Tokenize(answer))
        {
            if (sent == behavior.StallAfterTokens)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, aborted);
            }

            if (sent == behavior.DropAfterTokens)
            {
                await DropAsync(context, aborted);
                return;
            }

            if (sent == behavior.MalformedAfterTokens)
            {
                await context.Response.WriteAsync("data: {\"id\":\"chatcmpl-x\",\"choices\":[{\"delta\":{\"content\":\n\n", aborted);
                await context.Response.Body.FlushAsync(aborted);
                return;
            }

            if (behavior.TokenDelay > TimeSpan.Zero)
            {
                await Task.Delay(behavior.TokenDelay, aborted);
            }

            await WriteChunkAsync(context, request, new { content = token }, null, aborted);
            sent++;
        }

        if (behavior.StallAfterTokens is { } stall && stall >= sent)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, aborted);
        }

        if (behavior.DropAfterTokens is { } drop && drop >= sent)
        {
            await DropAsync(context, aborted);
            return;
        }

        await WriteChunkAsync(context, request, new { }, "stop", aborted);
        await context.Response.Body.WriteAsync(s_done, aborted);
        await context.Response.Body.FlushAsync(aborted);
    }

    /// <summary>
    /// Aborts the connection (TCP reset) after giving the client 300 ms to read what was sent: a reset makes the
    /// client's kernel discard unread bytes, which would turn "cut mid-stream" into "reset before the headers".
    /// </summary>
    private static async Task DropAsync(HttpContext context, CancellationToken aborted)
    {
        await Task.Delay(300, aborted);
        context.Abort();
    }

    private static async Task WriteChunkAsync(HttpContext context, LoopbackRequest request, object delta, string? finishReason, CancellationToken aborted)
    {
        var chunk = new
        {
            id = $"chatcmpl-{request.Index}",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = request.Model,
            choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        };
        await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", aborted);
        await context.Response.Body.FlushAsync(aborted);
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message, CancellationToken aborted)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new { error = new { message, type = status == 429 ? "rate_limit_exceeded" : "invalid_request_error", code = status } };
        await context.Response.WriteAsync(JsonSerializer.Serialize(error), aborted);
    }

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex TokenPattern();
}
