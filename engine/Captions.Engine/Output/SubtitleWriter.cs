using System.Text;
using Captions.Engine.Captioning;

namespace Captions.Engine.Output;

/// <summary>
/// What SubRip and WebVTT writers share: committed, non-empty lines laid out into cues
/// (<see cref="CaptionTextLayout"/>), cue times placed on a <see cref="CueTimeline"/> (minimum duration, never
/// overlapping, starts never going backwards), one cue built in a reused buffer and flushed at once, so the file is
/// valid after every cue if the process dies. Formats supply the header, the cue identifier, the timestamp separator
/// and text escaping.
/// Threading model: one caller at a time (the output stage); not thread-safe.
/// </summary>
public abstract class SubtitleWriter : ICaptionSink
{
    private readonly TextWriter _writer;
    private readonly bool _leaveOpen;
    private readonly SubtitleWriterOptions _options;
    private readonly CueTimeline _timeline;
    private readonly StringBuilder _cue = new(256);
    private bool _headerWritten;
    private bool _disposed;

    protected SubtitleWriter(TextWriter writer, SubtitleWriterOptions? options, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _leaveOpen = leaveOpen;
        _options = options ?? new SubtitleWriterOptions();
        _timeline = new CueTimeline(_options.MinimumDuration);
    }

    /// <summary>Number of cues written so far.</summary>
    public int CuesWritten { get; private set; }

    /// <summary>',' for SubRip, '.' for WebVTT.</summary>
    protected abstract char MillisecondSeparator { get; }

    /// <summary>Text written once at the start of the file (empty for SubRip).</summary>
    protected abstract string Header { get; }

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
        for (var index = 0; index < cues.Count; index++)
        {
            var lines = SubtitleFile.CueLines(cues[index]).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            var (start, end) = _timeline.Place(cues[index].Start, cues[index].End);
            _cue.Clear();
            AppendIdentifier(_cue, line, index, CuesWritten + 1).Append('\n');
            SubtitleTime.AppendTimestamp(_cue, start, MillisecondSeparator).Append(" --> ");
            SubtitleTime.AppendTimestamp(_cue, end, MillisecondSeparator).Append('\n');
            foreach (var text in lines)
            {
                AppendText(_cue, text).Append('\n');
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

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Appends the cue's identifier line: <paramref name="cueIndex"/> is the cue's place within its caption line,
    /// <paramref name="cueNumber"/> its place in the file (both count the caption's split cues).
    /// </summary>
    protected abstract StringBuilder AppendIdentifier(StringBuilder cue, CaptionLine line, int cueIndex, int cueNumber);

    /// <summary>Appends one line of cue text, escaped as the format requires.</summary>
    protected abstract StringBuilder AppendText(StringBuilder cue, string text);

    private async ValueTask EnsureHeaderAsync(CancellationToken cancellationToken)
    {
        if (!_headerWritten)
        {
            if (Header.Length > 0)
            {
                await _writer.WriteAsync(Header.AsMemory(), cancellationToken);
                await _writer.FlushAsync(cancellationToken);
            }

            _headerWritten = true;
        }
    }
}
