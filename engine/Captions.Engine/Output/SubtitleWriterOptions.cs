namespace Captions.Engine.Output;

/// <summary>Settings shared by the subtitle file writers (<see cref="SrtWriter"/>, <see cref="WebVttWriter"/>).</summary>
public sealed record SubtitleWriterOptions
{
    /// <summary>Line length and lines per cue.</summary>
    public CaptionTextLayout Layout { get; init; } = new();

    /// <summary>
    /// Shortest time a cue stays on screen. 0.5 s: the shortest a one-word cue can be read; EBU guidance for full
    /// subtitles is longer, but live captions must not fall behind the speech.
    /// </summary>
    public TimeSpan MinimumDuration { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Write the translation under the source text (bilingual cues) when a line has one.</summary>
    public bool IncludeTranslation { get; init; } = true;
}
