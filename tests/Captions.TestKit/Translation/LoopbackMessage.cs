namespace Captions.TestKit.Translation;

/// <summary>One chat message as the loopback server received it.</summary>
public sealed record LoopbackMessage(string Role, string Content);
