namespace Captions.Engine.Translation;

/// <summary>The translation so far (whole text, not a delta); <paramref name="IsComplete"/> on the last one.</summary>
public readonly record struct TranslationUpdate(string Text, bool IsComplete);
