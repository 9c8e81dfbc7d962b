namespace Captions.Cli.Commands;

/// <summary>What one `listen` run reads and where it writes.</summary>
internal sealed record ListenRequest(string Input, string? Srt, string? Vtt, string? Events, bool Terminal);
