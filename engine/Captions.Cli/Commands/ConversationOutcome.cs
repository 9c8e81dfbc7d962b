using Captions.Engine.Stages;

namespace Captions.Cli.Commands;

/// <summary>The exit code of a run and, when it ran, its result.</summary>
internal sealed record ConversationOutcome(int ExitCode, ConversationResult? Result);
