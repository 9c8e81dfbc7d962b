using Captions.Cli.Display;

namespace Captions.Cli.Commands;

/// <summary>What one `listen` run reads and where it writes (<see cref="Display"/>: the glasses, or PNG frames).</summary>
internal sealed record ListenRequest(string Input, string? Srt, string? Vtt, string? Events, bool Terminal)
{
    public DisplayTarget Display { get; init; }

    /// <summary>When the display cannot start (no OpenGL, no fonts), say so and caption without it instead of failing.</summary>
    public bool DisplayOptional { get; init; }
}
