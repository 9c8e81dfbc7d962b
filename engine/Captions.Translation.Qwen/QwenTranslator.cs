using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Captions.Engine.Translation;
using Captions.Engine.Translation.Prompting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.Retry;

namespace Captions.Translation.Qwen;

/// <summary>
/// Translates through a Qwen model behind an OpenAI-compatible endpoint (DashScope, vLLM, llama.cpp server, Ollama),
/// streaming: the cleaned translation so far is yielded as tokens arrive and the complete answer is validated at the end.
/// </summary>
/// <remarks>
/// One HttpClient with a pooled keep-alive handler serves every request: a new TLS handshake to DashScope costs
/// 100-300 ms, a fifth of a caption's budget. Resilience is caption-scale: the whole request is bounded by
/// <see cref="QwenTranslatorOptions.RequestTimeout"/>, the first token by FirstTokenTimeout, gaps by StallTimeout, and
/// Polly retries once at most, only for transient failures and only before any token streamed (a retry after tokens
/// would replace text the caption already shows). Timeouts are cancellation tokens rather than a Polly timeout strategy
/// because the stream outlives the pipeline callback that opens it.
/// Threading model: stateless per call; concurrent calls share the connection pool and the SDK client (both thread-safe).
/// </remarks>
public sealed class QwenTranslator : ITranslator
{
    private readonly QwenTranslatorOptions _options;
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly ChatClient _chat;
    private readonly ResiliencePipeline _openPipeline;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _endpoint;

    /// <param name="options">Endpoint, model, key and time budgets.</param>
    /// <param name="httpClient">A shared client to use instead of the translator's own pooled one (not disposed here).</param>
    /// <param name="timeProvider">Clock for the time budgets (tests).</param>
    /// <param name="logger">Receives one debug line per retry; never the key.</param>
    public QwenTranslator(QwenTranslatorOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILogger<QwenTranslator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _endpoint = DescribeEndpoint(options.BaseUrl);
        _ownsHttpClient = httpClient is null;
        _httpClient = httpClient ?? CreateHttpClient(options);

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            Transport = new HttpClientPipelineTransport(_httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0), // Polly decides; the SDK's 3 retries with backoff would blow the budget.
            NetworkTimeout = options.RequestTimeout + TimeSpan.FromSeconds(1),
        };

        // Keyless servers (llama.cpp, Ollama) ignore the header; the SDK requires a credential.
        _chat = new ChatClient(options.Model, new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey), clientOptions);
        _openPipeline = new ResiliencePipelineBuilder { TimeProvider = _timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 1,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && !args.Context.CancellationToken.IsCancellationRequested && QwenFailure.IsTransient(e)),
                OnRetry = args =>
                {
                    _logger.LogDebug("Qwen endpoint {Endpoint} failed before the first token ({Error}); retrying once", _endpoint, args.Outcome.Exception?.GetType().Name);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public string Name => "qwen";

    /// <summary>The endpoint as shown in messages: scheme, host, port and path; never user info or query.</summary>
    public string Endpoint => _endpoint;

    public string Model => _options.Model;

    /// <summary>Qwen2.5 and later cover 29+ languages; any pair of distinct codes is attempted, "auto" only as source.</summary>
    public bool Supports(string source, string target) =>
        !string.IsNullOrWhiteSpace(source) && !string.IsNullOrWhiteSpace(target)
        && !target.Equals("auto", StringComparison.OrdinalIgnoreCase)
        && !source.Equals(target, StringComparison.OrdinalIgnoreCase);

    public async IAsyncEnumerable<TranslationUpdate> TranslateAsync(TranslationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            yield return new TranslationUpdate(string.Empty, IsComplete: true);
            yield break;
        }

        if (string.IsNullOrEmpty(_options.ApiKey) && QwenEndpointPreset.Match(_options.BaseUrl) is { RequiresApiKey: true } preset)
        {
            // Fail before the round trip: DashScope would answer 401 anyway, and this message says what to set.
            throw new TranslationException(
                TranslationFailureKind.Unauthorized,
                $"Qwen endpoint {_endpoint} ({preset.Name}) needs an API key: set {QwenTranslatorOptions.ApiKeyVariable}.");
        }

        var messages = BuildMessages(request);
        var chatOptions = new ChatCompletionOptions
        {
            MaxOutputTokenCount = _options.OutputTokenBudget(request.Text),
            Temperature = _options.Temperature,
        };

        using var requestBudget = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, requestBudget.Token);
        var stream = await OpenAsync(messages, chatOptions, requestBudget, linked.Token, cancellationToken).ConfigureAwait(false);
        try
        {
            var raw = stream.Text;
            var shown = string.Empty;
            var finishedAtLength = stream.FinishedAtLength;
            var more = !stream.Ended;
            while (true)
            {
                var cleaned = TranslationOutputValidator.CleanPartial(raw.ToString(), request.Text);
                if (cleaned.Length > 0 && !string.Equals(cleaned, shown, StringComparison.Ordinal))
                {
                    shown = cleaned;
                    yield return new TranslationUpdate(cleaned, IsComplete: false);
                }

                if (!more)
                {
                    break;
                }

                try
                {
                    more = await stream.Updates.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not TranslationException)
                {
                    throw Fail(exception, streamed: true, stream.Attempt.IsCancellationRequested, requestBudget, cancellationToken);
                }

                if (more)
                {
                    stream.Attempt.CancelAfter(_options.StallTimeout);
                    finishedAtLength |= Append(raw, stream.Updates.Current);
                }
            }

            var verdict = TranslationOutputValidator.Validate(raw.ToString(), request);
            if (!verdict.IsAccepted || finishedAtLength)
            {
                throw new TranslationException(
                    TranslationFailureKind.Rejected,
                    $"Qwen endpoint {_endpoint} (model {_options.Model}) gave no usable {request.SourceLanguage}->{request.TargetLanguage} translation: "
                    + (verdict.Reason ?? $"the answer was cut at the {chatOptions.MaxOutputTokenCount}-token budget"));
            }

            yield return new TranslationUpdate(verdict.Text, IsComplete: true);
        }
        finally
        {
            // Disposing an unfinished stream disposes the response: the connection is closed, the server sees the abort.
            await stream.Updates.DisposeAsync().ConfigureAwait(false);
            stream.Attempt.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Scheme://host:port/path of <paramref name="baseUrl"/>, without user info or query (keys sometimes hide there).</summary>
    public static string DescribeEndpoint(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return baseUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped).TrimEnd('/');
    }

    private static List<ChatMessage> BuildMessages(TranslationRequest request)
    {
        TranslationPromptMessages prompt;
        try
        {
            prompt = TranslationPrompt.Build(request);
        }
        catch (ArgumentException exception)
        {
            throw new TranslationException(TranslationFailureKind.Rejected, $"Not sent to Qwen: {exception.Message}", exception);
        }

        return [new SystemChatMessage(prompt.System), new UserChatMessage(prompt.User)];
    }

    private async Task<OpenedStream> OpenAsync(
        List<ChatMessage> messages, ChatCompletionOptions chatOptions, CancellationTokenSource requestBudget, CancellationToken requestToken, CancellationToken callerToken)
    {
        CancellationTokenSource? lastAttempt = null;
        try
        {
            return await _openPipeline.ExecuteAsync(
                async token =>
                {
                    lastAttempt?.Dispose();
                    var attempt = CancellationTokenSource.CreateLinkedTokenSource(token, requestToken);
                    lastAttempt = attempt;
                    attempt.CancelAfter(_options.FirstTokenTimeout);
                    var updates = _chat.CompleteChatStreamingAsync(messages, chatOptions, attempt.Token).GetAsyncEnumerator(attempt.Token);
                    try
                    {
                        var raw = new StringBuilder();
                        var finishedAtLength = false;
                        while (await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            finishedAtLength |= Append(raw, updates.Current);
                            if (raw.Length > 0)
                            {
                                attempt.CancelAfter(_options.StallTimeout);
                                return new OpenedStream(updates, attempt, raw, Ended: false, finishedAtLength);
                            }
                        }

                        return new OpenedStream(updates, attempt, raw, Ended: true, finishedAtLength);
                    }
                    catch
                    {
                        await updates.DisposeAsync().ConfigureAwait(false);
                        throw;
                    }
                },
                requestToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not TranslationException)
        {
            var failure = Fail(exception, streamed: false, lastAttempt?.IsCancellationRequested == true, requestBudget, callerToken);
            lastAttempt?.Dispose();
            throw failure;
        }
    }

    private static bool Append(StringBuilder raw, StreamingChatCompletionUpdate update)
    {
        foreach (var part in update.ContentUpdate)
        {
            raw.Append(part.Text);
        }

        if (!string.IsNullOrEmpty(update.RefusalUpdate))
        {
            raw.Append(update.RefusalUpdate);
        }

        return update.FinishReason == ChatFinishReason.Length;
    }

    private Exception Fail(Exception exception, bool streamed, bool attemptTimedOut, CancellationTokenSource requestBudget, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            return new OperationCanceledException("The translation was cancelled by the caller.", exception, callerToken);
        }

        if (exception is OperationCanceledException || attemptTimedOut || requestBudget.IsCancellationRequested)
        {
            var what = requestBudget.IsCancellationRequested
                ? $"no complete answer within {_options.RequestTimeout.TotalMilliseconds:0} ms"
                : streamed
                    ? $"the stream stalled for {_options.StallTimeout.TotalMilliseconds:0} ms"
                    : $"no first token within {_options.FirstTokenTimeout.TotalMilliseconds:0} ms";
            return new TranslationException(
                TranslationFailureKind.Timeout, $"Qwen endpoint {_endpoint} (model {_options.Model}) timed out: {what}.", QwenFailure.SafeInner(exception));
        }

        var (kind, reason) = QwenFailure.Classify(exception, streamed);
        return new TranslationException(kind, $"Qwen endpoint {_endpoint} (model {_options.Model}) {reason}.", QwenFailure.SafeInner(exception));
    }

    private static HttpClient CreateHttpClient(QwenTranslatorOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // Keep connections warm between captions (a few seconds apart) but re-resolve DNS every few minutes.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.FirstTokenTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            EnableMultipleHttp2Connections = true,

            // A cancelled or abandoned stream must end the server's work, not be drained for reuse: draining a
            // generating server waits for its whole answer, and the stale caption's tokens are worthless.
            MaxResponseDrainSize = 0,
            ResponseDrainTimeout = TimeSpan.Zero,
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private sealed record OpenedStream(
        IAsyncEnumerator<StreamingChatCompletionUpdate> Updates, CancellationTokenSource Attempt, StringBuilder Text, bool Ended, bool FinishedAtLength);
}
