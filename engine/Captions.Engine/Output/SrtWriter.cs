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
/// Threading model: one caller at a time (the output stage); not thread-safe.
/// </remarks>
public sealed class SrtWriter : ICaptionSink
{
    private readonly TextWriter _writer;
    private readonly bool _leaveOpen;
    private readonly SubtitleWriterOptions _options;
    private readonly CueTimeline _timeline;
    private readonly StringBuilder _cue = new(256);
    private bool _disposed;

    public SrtWriter(TextWriter writer, SubtitleWriterOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _leaveOpen = leaveOpen;
        _options = options ?? new SubtitleWriterOptions();
        _timeline = new CueTimeline(_options.MinimumDuration);
    }

    /// <summary>Number of cues written so far.</summary>
    public int CuesWritten { get; private set; }

    /// <summary>Creates (or overwrites) the SRT file at <paramref name="path"/>; the writer owns the file.</summary>
    public static SrtWriter Create(string path, SubtitleWriterOptions? options = null) => new(SubtitleFile.Create(path), options);

    public async ValueTask WriteAsync(CaptionLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!line.IsCommitted || string.IsNullOrWhiteSpace(line.Text))
        {
            return;
        }

        foreach (var cue in _options.Layout.Layout(line, _options.IncludeTranslation))
        {
            var lines = SubtitleFile.CueLines(cue).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            var (start, end) = _timeline.Place(cue.Start, cue.End);
            _cue.Clear();
            _cue.Append(CuesWritten + 1).Append('\n');
            SubtitleTime.AppendTimestamp(_cue, start, ',').Append(" --> ");
            SubtitleTime.AppendTimestamp(_cue, end, ',').Append('\n');
            foreach (string text in lines)
            {
                _cue.Append(text).Append('\n');
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
}
