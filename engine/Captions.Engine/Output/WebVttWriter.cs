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
/// Threading model: one caller at a time (the output stage); not thread-safe.
/// </remarks>
public sealed class WebVttWriter : ICaptionSink
{
    private readonly TextWriter _writer;
    private readonly bool _leaveOpen;
    private readonly SubtitleWriterOptions _options;
    private readonly CueTimeline _timeline;
    private readonly StringBuilder _cue = new(256);
    private bool _headerWritten;
    private bool _disposed;

    public WebVttWriter(TextWriter writer, SubtitleWriterOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _leaveOpen = leaveOpen;
        _options = options ?? new SubtitleWriterOptions();
        _timeline = new CueTimeline(_options.MinimumDuration);
    }

    /// <summary>Number of cues written so far.</summary>
    public int CuesWritten { get; private set; }

    /// <summary>Creates (or overwrites) the WebVTT file at <paramref name="path"/>; the writer owns the file.</summary>
    public static WebVttWriter Create(string path, SubtitleWriterOptions? options = null) => new(SubtitleFile.Create(path), options);

    public async ValueTask WriteAsync(CaptionLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureHeaderAsync(cancellationToken);
        if (!line.IsCommitted || string.IsNullOrWhiteSpace(line.Text))
        {
            return;
        }

        var cues = _options.Layout.Layout(line, _options.IncludeTranslation);
        for (int c = 0; c < cues.Count; c++)
        {
            var lines = SubtitleFile.CueLines(cues[c]).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            var (start, end) = _timeline.Place(cues[c].Start, cues[c].End);
            _cue.Clear();
            _cue.Append(line.Id);
            if (c > 0)
            {
                _cue.Append('-').Append(c + 1);
            }

            _cue.Append('\n');
            SubtitleTime.AppendTimestamp(_cue, start, '.').Append(" --> ");
            SubtitleTime.AppendTimestamp(_cue, end, '.').Append('\n');
            foreach (string text in lines)
            {
                AppendEscaped(_cue, text).Append('\n');
            }

            _cue.Append('\n');
            await _writer.WriteAsync(_cue, cancellationToken);
            await _writer.FlushAsync(cancellationToken);
            CuesWritten++;
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureHeaderAsync(cancellationToken);
        await _writer.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_leaveOpen)
        {
            await _writer.DisposeAsync();
        }
    }

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

    private async ValueTask EnsureHeaderAsync(CancellationToken cancellationToken)
    {
        if (!_headerWritten)
        {
            await _writer.WriteAsync("WEBVTT\n\n".AsMemory(), cancellationToken);
            await _writer.FlushAsync(cancellationToken);
            _headerWritten = true;
        }
    }
}
