using System.ClientModel;
using System.Net.Http;
using System.Text.Json;
using Captions.Engine.Translation;

namespace Captions.Translation.Qwen;

/// <summary>Turns what the SDK, HttpClient and the SSE reader throw into a <see cref="TranslationException"/> kind.</summary>
internal static class QwenFailure
{
    /// <summary>The kind and a short key-free reason for <paramref name="exception"/>, or null when it is not a failure we know.</summary>
    public static (TranslationFailureKind Kind, string Reason) Classify(Exception exception, bool streamed)
    {
        switch (exception)
        {
            case TranslationException translation:
                return (translation.Kind, translation.Message);
            case ClientResultException result when result.Status != 0:
                return result.Status switch
                {
                    401 or 403 => (TranslationFailureKind.Unauthorized, $"rejected the API key (HTTP {result.Status})"),
                    429 => (TranslationFailureKind.RateLimited, "is rate limiting (HTTP 429)"),
                    404 => (TranslationFailureKind.ModelUnavailable, "does not serve this model (HTTP 404)"),
                    >= 500 => (TranslationFailureKind.ServerError, $"failed (HTTP {result.Status})"),
                    _ => (TranslationFailureKind.EngineFailed, $"refused the request (HTTP {result.Status})"),
                };
            case ClientResultException result when result.InnerException is not null:
                return Classify(result.InnerException, streamed);
            case HttpRequestException http when !streamed && http.HttpRequestError is HttpRequestError.ResponseEnded:
                return (TranslationFailureKind.ServerError, "closed the connection before answering");
            case HttpRequestException http when !streamed:
                return (TranslationFailureKind.Unreachable, $"is unreachable ({http.HttpRequestError})");
            case HttpRequestException or HttpIOException or IOException:
                return (TranslationFailureKind.ServerError, streamed ? "cut the stream mid-answer" : "cut the stream before the first token");
            case JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException:
                return (TranslationFailureKind.ServerError, "sent a malformed stream chunk");
            default:
                return (TranslationFailureKind.EngineFailed, $"failed with {exception.GetType().Name}");
        }
    }

    /// <summary>Worth the one retry: nothing was streamed yet and the cause is usually gone a moment later.</summary>
    public static bool IsTransient(Exception exception)
    {
        var kind = Classify(exception, streamed: false).Kind;
        return kind is TranslationFailureKind.Unreachable
            || (kind is TranslationFailureKind.ServerError && exception is not (JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException));
    }

    /// <summary>
    /// Inner exceptions are kept for transport errors only: an HTTP error's message carries the response body, and a
    /// misconfigured proxy can echo request headers (the key) into it.
    /// </summary>
    public static Exception? SafeInner(Exception exception) => exception is ClientResultException { Status: not 0 } ? null : exception;
}
