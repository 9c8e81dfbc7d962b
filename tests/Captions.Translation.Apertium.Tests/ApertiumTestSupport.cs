using System.Collections.Concurrent;
using Captions.Engine.Translation;
using Microsoft.Extensions.Logging;

namespace Captions.Translation.Apertium.Tests;

/// <summary>Shared helpers: the installed-Apertium check and a one-shot translate.</summary>
internal static class ApertiumTestSupport
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Fails (never skips) when the bootstrap's Apertium packages are missing.</summary>
    public static void RequireInstalled()
    {
        bool present = File.Exists("/usr/bin/lt-proc")
            && File.Exists("/usr/share/apertium/modes/eng-spa.mode")
            && File.Exists("/usr/share/apertium/modes/fr-es.mode");
        present.Should().BeTrue("Apertium and its pairs are installed by scripts/debian-packages.txt: run ./scripts/bootstrap.sh");
    }

    public static async Task<IReadOnlyList<TranslationUpdate>> TranslateAllAsync(
        ITranslator translator, string text, string from, string to, CancellationToken cancellationToken = default)
    {
        var updates = new List<TranslationUpdate>();
        await foreach (TranslationUpdate update in translator.TranslateAsync(new TranslationRequest(text, from, to), cancellationToken))
        {
            updates.Add(update);
        }

        return updates;
    }

    public static async Task<string> TranslateAsync(
        ITranslator translator, string text, string from, string to, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<TranslationUpdate> updates = await TranslateAllAsync(translator, text, from, to, cancellationToken)
            .WaitAsync(Timeout, CancellationToken.None);
        updates.Should().ContainSingle().Which.IsComplete.Should().BeTrue();
        return updates[0].Text;
    }
}

/// <summary>Keeps every log line, to prove a crash is reported.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => Lines.Enqueue((logLevel, formatter(state, exception)));
}
