namespace Captions.Engine.Translation.Prompting;

/// <summary>What <see cref="TranslationOutputValidator.Validate"/> decided about a model answer.</summary>
/// <param name="IsAccepted">True when <paramref name="Text"/> is a translation to show.</param>
/// <param name="Text">The cleaned answer (wrapping stripped); shown only when accepted.</param>
/// <param name="Reason">Why the answer was rejected (for the log line); null when accepted.</param>
public sealed record TranslationValidationResult(bool IsAccepted, string Text, string? Reason)
{
    public static TranslationValidationResult Accept(string text) => new(true, text, null);

    public static TranslationValidationResult Reject(string text, string reason) => new(false, text, reason);
}
