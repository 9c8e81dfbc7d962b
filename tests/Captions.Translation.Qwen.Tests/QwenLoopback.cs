using Captions.Engine.Translation;
using Captions.TestKit.Translation;

namespace Captions.Translation.Qwen.Tests;

/// <summary>Shared arrangement: a translator pointed at a loopback server, and helpers to drain its stream.</summary>
internal static class QwenLoopback
{
    public const string ApiKey = "sk-loopback-SECRET-4f2a9c";

    /// <summary>Generous budgets for the happy paths (2-core CI under load); fault tests shorten the one they test.</summary>
    public static QwenTranslatorOptions Options(OpenAiLoopbackServer server, TimeSpan? firstTokenTimeout = null, TimeSpan? stallTimeout = null) => new()
    {
        BaseUrl = server.BaseUrl,
        Model = "qwen-test",
        ApiKey = ApiKey,
        RequestTimeout = TimeSpan.FromSeconds(20),
        FirstTokenTimeout = firstTokenTimeout ?? TimeSpan.FromSeconds(10),
        StallTimeout = stallTimeout ?? TimeSpan.FromSeconds(10),
        RetryDelay = TimeSpan.FromMilliseconds(10),
    };

    public static TranslationRequest Request(string text = "Hello world, how are you today?", string from = "en", string to = "es") => new(text, from, to);

    public static async Task<List<TranslationUpdate>> CollectAsync(ITranslator translator, TranslationRequest request, CancellationToken cancellationToken = default)
    {
        var updates = new List<TranslationUpdate>();
        await foreach (var update in translator.TranslateAsync(request, cancellationToken))
        {
            updates.Add(update);
        }

        return updates;
    }

    public static Task<List<TranslationUpdate>> CollectWithTimeoutAsync(ITranslator translator, TranslationRequest request, CancellationToken cancellationToken = default) =>
        CollectAsync(translator, request, cancellationToken).WaitAsync(TimeSpan.FromSeconds(30));
}
