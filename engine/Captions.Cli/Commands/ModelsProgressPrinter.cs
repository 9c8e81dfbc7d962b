using System.Globalization;
using Captions.Engine.Models;

namespace Captions.Cli.Commands;

/// <summary>
/// Download progress for people: on a terminal one line redrawn in place (\r) at most 10 times a second; when
/// redirected (logs, CI) a plain line at each 10% step, or every 32 MiB when the size is unknown.
/// </summary>
internal sealed class ModelsProgressPrinter
{
    // 100 ms between redraws: smooth to the eye, and a 75 MiB download at 50 MB/s still redraws only ~15 times.
    private static readonly TimeSpan s_redrawInterval = TimeSpan.FromMilliseconds(100);
    private const long UnknownSizeStep = 32L << 20;
    private const int BarWidth = 30;

    private readonly TextWriter _output;
    private readonly bool _terminal;
    private readonly TimeProvider _time;
    private long? _lastRedraw;
    private long _nextStep = -1;
    private int _lineLength;
    private bool _started;

    public ModelsProgressPrinter(TextWriter output, bool terminal, TimeProvider? time = null)
    {
        _output = output;
        _terminal = terminal;
        _time = time ?? TimeProvider.System;
    }

    public void Report(ModelDownloadProgress progress)
    {
        if (!_started)
        {
            _started = true;
            if (progress.ResumedFrom > 0)
            {
                _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"resuming from {ModelsCommand.FormatSize(progress.ResumedFrom)} already downloaded"));
            }
        }

        var done = progress.TotalBytes is { } total && progress.BytesReceived >= total;
        if (_terminal)
        {
            if (!done && _lastRedraw is { } last && _time.GetElapsedTime(last) < s_redrawInterval)
            {
                return;
            }

            _lastRedraw = _time.GetTimestamp();
            var line = Format(progress, bar: true);
            _output.Write('\r' + line.PadRight(_lineLength));
            _lineLength = line.Length;
            return;
        }

        var step = progress.TotalBytes is { } size and > 0 ? Math.Max(1, size / 10) : UnknownSizeStep;
        if (_nextStep < 0)
        {
            _nextStep = (progress.BytesReceived / step + 1) * step;
        }

        if (progress.BytesReceived >= _nextStep || done)
        {
            _output.WriteLine(Format(progress, bar: false));
            _nextStep = (progress.BytesReceived / step + 1) * step;
        }
    }

    /// <summary>Ends the redrawn line so later output starts on a fresh one.</summary>
    public void Finish()
    {
        if (_terminal && _lineLength > 0)
        {
            _output.WriteLine();
            _lineLength = 0;
        }
    }

    private static string Format(ModelDownloadProgress progress, bool bar)
    {
        var rate = string.Create(CultureInfo.InvariantCulture, $"{ModelsCommand.FormatSize((long)progress.BytesPerSecond)}/s");
        if (progress.Fraction is not { } fraction)
        {
            return string.Create(CultureInfo.InvariantCulture, $"  {ModelsCommand.FormatSize(progress.BytesReceived)}  {rate}");
        }

        var percent = string.Create(CultureInfo.InvariantCulture, $"{fraction * 100,3:0}%");
        var sizes = $"{ModelsCommand.FormatSize(progress.BytesReceived)} / {ModelsCommand.FormatSize(progress.TotalBytes!.Value)}";
        if (!bar)
        {
            return $"  {percent}  {sizes}  {rate}";
        }

        var filled = (int)Math.Clamp(fraction * BarWidth, 0, BarWidth);
        return $"  [{new string('#', filled)}{new string('.', BarWidth - filled)}] {percent}  {sizes}  {rate}";
    }
}
