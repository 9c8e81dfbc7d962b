namespace Captions.Engine.Translation.Prompting;

/// <summary>The two chat messages sent for one translation: a fixed system prompt and a user message carrying the data.</summary>
/// <param name="System">The system prompt; identical for every request, so an on-device model can reuse its KV prefix.</param>
/// <param name="User">The task line, glossary, context and the caption text, each inside its data delimiters.</param>
public sealed record TranslationPromptMessages(string System, string User);
