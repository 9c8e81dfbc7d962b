using Captions.Cli.Display;

namespace Captions.Cli.Commands;

/// <summary>What one `listen` run reads and where it writes (<see cref="Display"/>: the glasses, or PNG frames).</summary>
internal sealed record ListenRequest(string Input, string? Srt, string? Vtt, string? Events, bool Terminal)
{
    public DisplayTarget Display { get; init; }
}
