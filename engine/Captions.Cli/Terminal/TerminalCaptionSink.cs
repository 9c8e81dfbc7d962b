using System.Globalization;
using Captions.Engine.Captioning;
using Captions.Engine.Output;

namespace Captions.Cli.Terminal;

/// <summary>
/// Prints captions as they arrive. On a terminal, partial text is shown dimmed and rewritten in place; committed text
/// replaces it and stays. When output is redirected (a file, a pipe, a test), only committed lines are printed, one per
/// line with their stream times, since in-place rewriting means nothing there.
/// Threading model: called from the sink stage task only.
/// </summary>
public sealed class TerminalCaptionSink : ICaptionSink
{
    private const string ClearLine = "\r\u001b[2K";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private readonly Func<int> _width;
    private bool _partialShown;

    public TerminalCaptionSink(TextWriter writer, bool interactive, Func<int>? width = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _interactive = interactive;
        _width = width ?? (() => 100);
    }

    public ValueTask WriteAsync(CaptionLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.State == CaptionState.Partial)
        {
            if (_interactive)
            {
                // Keep the partial on one physical line, showing its newest words, or the in-place rewrite breaks.
                var room = Math.Max(10, _width() - 4);
                var text = line.Text.Length > room ? "…" + line.Text[^(room - 1)..] : line.Text;
                _writer.Write(ClearLine + Dim + text + Reset);
                _writer.Flush();
                _partialShown = true;
            }

            return ValueTask.CompletedTask;
        }

        if (_interactive && _partialShown)
        {
            _writer.Write(ClearLine);
            _partialShown = false;
        }

        if (line.Text.Length > 0)
        {
            var stamp = string.Create(CultureInfo.InvariantCulture, $"[{Format(line.Start)} -> {Format(line.End)}] ");
            _writer.WriteLine(stamp + line.Text);
            if (line.Translation is { Length: > 0 } translation)
            {
                _writer.WriteLine(new string(' ', stamp.Length) + translation);
            }
            else if (line.Untranslated)
            {
                _writer.WriteLine(new string(' ', stamp.Length) + "(untranslated)");
            }
        }

        _writer.Flush();
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_interactive && _partialShown)
        {
            _writer.Write(ClearLine);
            _partialShown = false;
        }

        _writer.Flush();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Format(TimeSpan time) =>
        time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss\.f" : @"mm\:ss\.f", CultureInfo.InvariantCulture);
}
