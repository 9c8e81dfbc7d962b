namespace Captions.Engine.Translation;

/// <summary>
/// Translates caption text, streaming: each <see cref="TranslationUpdate"/> carries the whole translation so far, so the
/// caption can show the first words before the rest arrive. The last update has <see cref="TranslationUpdate.IsComplete"/>.
/// </summary>
/// <remarks>
/// Failures throw <see cref="TranslationException"/> with a <see cref="TranslationFailureKind"/>; the translator stage
/// then shows the source text marked untranslated and logs once per kind. Cancellation (a newer version of the same
/// line arrived: "latest wins") throws <see cref="OperationCanceledException"/>.
/// Threading model: implementations accept concurrent calls (the stage may overlap a partial and a committed request).
/// </remarks>
public interface ITranslator : IAsyncDisposable
{
    /// <summary>Short name used in outputs and `captions doctor` (e.g. "qwen", "qwen-local", "apertium").</summary>
    string Name { get; }

    /// <summary>Whether this translator can translate from <paramref name="source"/> to <paramref name="target"/>.</summary>
    bool Supports(string source, string target);

    IAsyncEnumerable<TranslationUpdate> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken);
}
