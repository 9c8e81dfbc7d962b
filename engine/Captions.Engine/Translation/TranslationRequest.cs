namespace Captions.Engine.Translation;

/// <summary>One text to translate, with what helps translate it consistently.</summary>
/// <param name="Text">The text (recognised speech or OCR'd sign text: untrusted data, never instructions).</param>
/// <param name="SourceLanguage">ISO 639-1 code of <paramref name="Text"/> ("en"), or "auto".</param>
/// <param name="TargetLanguage">ISO 639-1 code to translate into ("es").</param>
public sealed record TranslationRequest(string Text, string SourceLanguage, string TargetLanguage)
{
    /// <summary>The last few committed source lines (oldest first), for consistent names and terms.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    /// <summary>User glossary entries that occur in <see cref="Text"/>: source term -> required translation.</summary>
    public IReadOnlyDictionary<string, string> Glossary { get; init; } = new Dictionary<string, string>();

    /// <summary>True for a still-changing partial caption (translators may answer faster and less carefully).</summary>
    public bool IsPartial { get; init; }
}
