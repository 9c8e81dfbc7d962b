using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Captions.Engine.Translation;

namespace Captions.TestKit.Translation;

/// <summary>
/// A test double for translator-stage tests (not a translator): "translates" by a script (default: each word
/// prefixed with "es:"), streams the answer word by word, and can be held at any word, made to fail, or made to hang
/// until cancelled. Records every request and whether its token was cancelled, so tests can check what the stage
/// asked for and when.
/// </summary>
public sealed class ScriptedTranslator : ITranslator
{
    private readonly ConcurrentQueue<ScriptedTranslation> _calls = new();

    public string Name => "scripted";

    /// <summary>How the text is translated (default: "hello world" -> "es:hello es:world").</summary>
    public Func<TranslationRequest, string> Script { get; init; } =
        r => string.Join(' ', r.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => "es:" + w));

    /// <summary>When set, each call waits for this gate before streaming each word after the first.</summary>
    public Func<ScriptedTranslation, Task>? BeforeEachWord { get; init; }

    /// <summary>When set, calls throw this (after the gate, before any word).</summary>
    public Func<TranslationRequest, Exception?> Fail { get; set; } = _ => null;

    /// <summary>When true, calls never answer until cancelled.</summary>
    public bool Hang { get; set; }

    public IReadOnlyList<ScriptedTranslation> Calls => [.. _calls];

    public bool Supports(string source, string target) => true;

    public async IAsyncEnumerable<TranslationUpdate> TranslateAsync(TranslationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new ScriptedTranslation(request, cancellationToken);
        _calls.Enqueue(call);
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        if (Fail(request) is { } error)
        {
            throw error;
        }

        var words = Script(request).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && BeforeEachWord is { } gate)
            {
                await gate(call).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            // A trailing space, as token streams have: the stage shows whole words only.
            yield return new TranslationUpdate(string.Join(' ', words.Take(i + 1)) + (i + 1 < words.Length ? " " : string.Empty), IsComplete: i + 1 == words.Length);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>One request a <see cref="ScriptedTranslator"/> received, with its token.</summary>
public sealed record ScriptedTranslation(TranslationRequest Request, CancellationToken Token)
{
    public bool WasCancelled => Token.IsCancellationRequested;
}
