namespace Captions.Translation.Qwen;

/// <summary>Where a Qwen model is served OpenAI-style, with the model name that server expects by default.</summary>
/// <param name="Name">Preset name for config and `captions doctor` ("dashscope", "vllm", "llama.cpp", "ollama").</param>
/// <param name="BaseUrl">The OpenAI-compatible base URL (the SDK appends "/chat/completions").</param>
/// <param name="DefaultModel">Model name sent when none is configured.</param>
/// <param name="RequiresApiKey">True when the server rejects requests without a key (sent as "Authorization: Bearer").</param>
public sealed record QwenEndpointPreset(string Name, Uri BaseUrl, string DefaultModel, bool RequiresApiKey)
{
    /// <summary>
    /// Alibaba Cloud Model Studio, international region, OpenAI-compatible mode. qwen-plus follows a system prompt;
    /// qwen-mt-turbo is cheaper but takes no system message and needs DashScope's own translation_options body field,
    /// which this chat-prompt path does not send.
    /// </summary>
    public static QwenEndpointPreset DashScope { get; } =
        new("dashscope", new Uri("https://dashscope-intl.aliyuncs.com/compatible-mode/v1"), "qwen-plus", RequiresApiKey: true);

    /// <summary>The same service in the mainland China region.</summary>
    public static QwenEndpointPreset DashScopeChina { get; } =
        new("dashscope-cn", new Uri("https://dashscope.aliyuncs.com/compatible-mode/v1"), "qwen-plus", RequiresApiKey: true);

    /// <summary>`vllm serve Qwen/Qwen2.5-1.5B-Instruct` (key only if started with --api-key; then set one).</summary>
    public static QwenEndpointPreset Vllm { get; } =
        new("vllm", new Uri("http://127.0.0.1:8000/v1"), "Qwen/Qwen2.5-1.5B-Instruct", RequiresApiKey: false);

    /// <summary>`llama-server -m qwen2.5-1.5b-instruct-q4_k_m.gguf`: serves one model and ignores the name.</summary>
    public static QwenEndpointPreset LlamaCpp { get; } =
        new("llama.cpp", new Uri("http://127.0.0.1:8080/v1"), "qwen2.5-1.5b-instruct", RequiresApiKey: false);

    /// <summary>`ollama pull qwen2.5:1.5b`; Ollama ignores the key.</summary>
    public static QwenEndpointPreset Ollama { get; } =
        new("ollama", new Uri("http://127.0.0.1:11434/v1"), "qwen2.5:1.5b", RequiresApiKey: false);

    public static IReadOnlyList<QwenEndpointPreset> All { get; } = [DashScope, DashScopeChina, Vllm, LlamaCpp, Ollama];

    /// <summary>The preset named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static QwenEndpointPreset? Find(string name) =>
        All.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The preset whose host and port match <paramref name="baseUrl"/>, or null (e.g. a self-hosted proxy).</summary>
    public static QwenEndpointPreset? Match(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return All.FirstOrDefault(p => p.BaseUrl.Host.Equals(baseUrl.Host, StringComparison.OrdinalIgnoreCase) && p.BaseUrl.Port == baseUrl.Port)
            ?? (baseUrl.IsLoopback ? All.FirstOrDefault(p => p.BaseUrl.IsLoopback && p.BaseUrl.Port == baseUrl.Port) : null);
    }
}
