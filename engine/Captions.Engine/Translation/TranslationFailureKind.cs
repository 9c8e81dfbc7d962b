namespace Captions.Engine.Translation;

/// <summary>Why a translation failed; the stage logs one line per kind, not one per caption.</summary>
public enum TranslationFailureKind
{
    /// <summary>The endpoint could not be reached (connection refused, DNS, reset before any answer).</summary>
    Unreachable,

    /// <summary>The endpoint rejected the credentials (401/403).</summary>
    Unauthorized,

    /// <summary>The endpoint is rate limiting (429).</summary>
    RateLimited,

    /// <summary>The endpoint failed (5xx) or broke the protocol (malformed stream, cut mid-way).</summary>
    ServerError,

    /// <summary>No answer within the caption-scale time budget, or the stream stalled.</summary>
    Timeout,

    /// <summary>The answer was not a translation (a refusal, an explanation, a reply to instructions in the text).</summary>
    Rejected,

    /// <summary>The model file is missing, truncated or not a usable model.</summary>
    ModelUnavailable,

    /// <summary>The translator has no data for this language pair.</summary>
    UnsupportedPair,

    /// <summary>The engine process or library failed.</summary>
    EngineFailed,
}
