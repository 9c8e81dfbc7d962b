namespace Captions.Translation.Qwen;

/// <summary>Where and how <see cref="QwenTranslator"/> asks for translations; caption-scale time budgets.</summary>
/// <remarks>Not a record on purpose: a generated ToString would print <see cref="ApiKey"/>.</remarks>
public sealed class QwenTranslatorOptions
{
    public const string BaseUrlVariable = "CAPTIONS_QWEN_BASE_URL";
    public const string ModelVariable = "CAPTIONS_QWEN_MODEL";
    public const string ApiKeyVariable = "CAPTIONS_QWEN_API_KEY";

    /// <summary>OpenAI-compatible base URL, e.g. https://dashscope-intl.aliyuncs.com/compatible-mode/v1.</summary>
    public required Uri BaseUrl { get; init; }

    public required string Model { get; init; }

    /// <summary>Bearer key; never logged, never in exception messages. Null for servers that need none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Bound on one translation including a retry: a caption is stale after a second or two, and the stage shows the
    /// source text meanwhile. 1.5 s leaves DashScope's qwen-plus (~300-600 ms to first token) room for one retry.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Bound on connect + prompt processing until the first token of one attempt.</summary>
    public TimeSpan FirstTokenTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest silence between chunks once streaming; Qwen emits a token every 10-50 ms when healthy.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Pause before the one retry (connection reset, 5xx before any token).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Cap on generated tokens; the per-request budget scales with the text (see <see cref="OutputTokenBudget"/>).</summary>
    public int MaxOutputTokens { get; init; } = 1024;

    /// <summary>0 = greedy: translations should not vary between a partial and its committed line.</summary>
    public float Temperature { get; init; }

    /// <summary>
    /// Tokens allowed for translating <paramref name="text"/>: 32 + 2 per char, capped. Qwen's tokenizer spends ~0.25-0.3
    /// tokens per Latin char and ~1-1.5 per CJK char in the other direction, so this is 2-8x what a translation needs
    /// while still cutting off a model that starts explaining or looping.
    /// </summary>
    public int OutputTokenBudget(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (int)Math.Clamp(32L + (2L * text.Length), 32, Math.Max(32, MaxOutputTokens));
    }

    /// <summary>Options for a preset endpoint, with the preset's default model unless <paramref name="model"/> is given.</summary>
    public static QwenTranslatorOptions FromPreset(QwenEndpointPreset preset, string? apiKey = null, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return new QwenTranslatorOptions
        {
            BaseUrl = preset.BaseUrl,
            Model = string.IsNullOrWhiteSpace(model) ? preset.DefaultModel : model,
            ApiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey,
        };
    }

    /// <summary>
    /// Options from CAPTIONS_QWEN_BASE_URL / CAPTIONS_QWEN_MODEL / CAPTIONS_QWEN_API_KEY; null when no base URL is set.
    /// The base URL may also be a preset name ("dashscope", "ollama"...); the model defaults to the matching preset's.
    /// </summary>
    /// <exception cref="ArgumentException">The base URL is neither an absolute http(s) URL nor a preset name, or no model
    /// is set for an endpoint that matches no preset.</exception>
    public static QwenTranslatorOptions? FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var baseUrl = getVariable(BaseUrlVariable)?.Trim();
        if (string.IsNullOrEmpty(baseUrl))
        {
            return null;
        }

        var model = getVariable(ModelVariable)?.Trim();
        var apiKey = getVariable(ApiKeyVariable)?.Trim();
        var preset = QwenEndpointPreset.Find(baseUrl);
        if (preset is null)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException(
                    $"{BaseUrlVariable} is not an http(s) URL or a preset name ({string.Join(", ", QwenEndpointPreset.All.Select(p => p.Name))}).",
                    nameof(getVariable));
            }

            preset = QwenEndpointPreset.Match(uri) ?? new QwenEndpointPreset("custom", uri, string.Empty, RequiresApiKey: false);
            preset = preset with { BaseUrl = uri };
        }

        if (string.IsNullOrEmpty(model) && string.IsNullOrEmpty(preset.DefaultModel))
        {
            throw new ArgumentException(
                $"{ModelVariable} is not set and the endpoint {QwenTranslator.DescribeEndpoint(preset.BaseUrl)} matches no preset with a default model.",
                nameof(getVariable));
        }

        return FromPreset(preset, apiKey, model);
    }
}
