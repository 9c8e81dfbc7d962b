namespace Captions.Native.Llama;

/// <summary>One chat turn for <see cref="LLamaWeights.ApplyChatTemplate"/>: role is "system", "user" or "assistant".</summary>
public readonly record struct LlamaChatMessage(string Role, string Content);
