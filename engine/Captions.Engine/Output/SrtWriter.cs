using System.Text;
using Captions.Engine.Captioning;

namespace Captions.Engine.Output;

/// <summary>
/// Writes committed captions as SubRip (.srt): cues numbered from 1, <c>HH:MM:SS,mmm --> HH:MM:SS,mmm</c>, a blank
/// line after each cue, LF line endings, UTF-8 without BOM. Partial lines and empty lines are skipped. Long captions
/// become several cues (<see cref="CaptionTextLayout"/>); a translation goes below the source text, one line each.
/// </summary>
/// <remarks>
/// The file is flushed after every cue, so it stays a valid SRT file if the process dies. Cue times follow
/// <see cref="SubtitleWriterOptions.MinimumDuration"/> and never overlap (see <c>CueTimeline</c>: a cue that would start
/// before the previous one ends is delayed to that end). SRT has no escaping: text is written as recognised.
/// </remarks>
public sealed class SrtWriter : SubtitleWriter
{
    public SrtWriter(TextWriter writer, SubtitleWriterOptions? options = null, bool leaveOpen = false)
        : base(writer, options, leaveOpen)
    {
    }

    protected override char MillisecondSeparator => ',';

    protected override string Header => string.Empty;

    /// <summary>Creates (or overwrites) the SRT file at <paramref name="path"/>; the writer owns the file.</summary>
    public static SrtWriter Create(string path, SubtitleWriterOptions? options = null) => new(SubtitleFile.Create(path), options);

    protected override StringBuilder AppendIdentifier(StringBuilder cue, CaptionLine line, int cueIndex, int cueNumber) => cue.Append(cueNumber);

    protected override StringBuilder AppendText(StringBuilder cue, string text) => cue.Append(text);
}
