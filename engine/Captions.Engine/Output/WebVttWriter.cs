using System.Text;
using Captions.Engine.Captioning;

namespace Captions.Engine.Output;

/// <summary>
/// Writes committed captions as WebVTT (W3C): a <c>WEBVTT</c> header and blank line, then cues with the caption id as
/// identifier (<c>id</c>, or <c>id-2</c>, <c>id-3</c>... when a long caption needs several cues),
/// <c>HH:MM:SS.mmm --> HH:MM:SS.mmm</c>, the text with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped (so no
/// <c>--&gt;</c> can appear in cue text) and a blank line. LF line endings, UTF-8 without BOM. Partial and empty
/// lines are skipped; a translation goes below the source text.
/// </summary>
/// <remarks>
/// The header is written with the first line the sink receives (or at completion), and the file is flushed after
/// every cue, so it stays valid if the process dies. Timing rules as <see cref="SrtWriter"/>: cue starts never go
/// backwards and cues never overlap, as WebVTT requires start times in order.
/// </remarks>
public sealed class WebVttWriter : SubtitleWriter
{
    public WebVttWriter(TextWriter writer, SubtitleWriterOptions? options = null, bool leaveOpen = false)
        : base(writer, options, leaveOpen)
    {
    }

    protected override char MillisecondSeparator => '.';

    protected override string Header => "WEBVTT\n\n";

    /// <summary>Creates (or overwrites) the WebVTT file at <paramref name="path"/>; the writer owns the file.</summary>
    public static WebVttWriter Create(string path, SubtitleWriterOptions? options = null) => new(SubtitleFile.Create(path), options);

    /// <summary>Escapes the three characters WebVTT cue text reserves; every other character is literal.</summary>
    internal static StringBuilder AppendEscaped(StringBuilder builder, string text)
    {
        foreach (char ch in text)
        {
            _ = ch switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ => builder.Append(ch),
            };
        }

        return builder;
    }

    protected override StringBuilder AppendIdentifier(StringBuilder cue, CaptionLine line, int cueIndex, int cueNumber)
    {
        cue.Append(line.Id);
        return cueIndex > 0 ? cue.Append('-').Append(cueIndex + 1) : cue;
    }

    protected override StringBuilder AppendText(StringBuilder cue, string text) => AppendEscaped(cue, text);
}
