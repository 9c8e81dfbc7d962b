namespace Captions.TestKit.Translation;

/// <summary>How the loopback server answers one request: what text, how fast, and which fault to inject.</summary>
public sealed record LoopbackBehavior
{
    /// <summary>The answer text for a request (default "Hola"; see the factories below).</summary>
    public Func<LoopbackRequest, string> Answer { get; init; } = _ => "Hola";

    /// <summary>HTTP status to return instead of answering (401, 429, 500...); 200 answers.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>Wait before sending the response headers.</summary>
    public TimeSpan FirstByteDelay { get; init; }

    /// <summary>Wait before each streamed token.</summary>
    public TimeSpan TokenDelay { get; init; }

    /// <summary>After this many tokens, send nothing more and keep the connection open until the client leaves.</summary>
    public int? StallAfterTokens { get; init; }

    /// <summary>After this many tokens, abort the TCP connection (a stream cut mid-way).</summary>
    public int? DropAfterTokens { get; init; }

    /// <summary>After this many tokens, send a chunk of truncated JSON.</summary>
    public int? MalformedAfterTokens { get; init; }

    /// <summary>Answer with this exact text.</summary>
    public static LoopbackBehavior Canned(string answer) => new() { Answer = _ => answer };

    /// <summary>Answer with <paramref name="translate"/> applied to the last user message.</summary>
    public static LoopbackBehavior Translate(Func<string, string> translate) =>
        new() { Answer = request => translate(request.Messages.LastOrDefault(m => m.Role == "user")?.Content ?? string.Empty) };

    /// <summary>Answer with every message received, as "[role]\ncontent" blocks: what a model that leaks its prompt says.</summary>
    public static LoopbackBehavior EchoPrompt() =>
        new() { Answer = request => string.Join('\n', request.Messages.Select(m => $"[{m.Role}]\n{m.Content}")) };

    /// <summary>Fail with <paramref name="statusCode"/> before any byte of answer.</summary>
    public static LoopbackBehavior Fail(int statusCode) => new() { StatusCode = statusCode };
}
