using Captions.Engine.Captioning;
using Captions.Engine.Output;
using Captions.Renderer.OpenGL.Hosting;
using Captions.Renderer.Scene;

namespace Captions.Cli.Display;

/// <summary>
/// The caption sink that feeds the glasses: hands each caption version to the display (never blocking the pipeline)
/// and copies the display's first-presented records into the events file, if one is written. Completing waits briefly
/// for the last version to reach the display, so the final caption is drawn (and recorded) before the display stops.
/// </summary>
/// <remarks>Threading model: called by the pipeline's output stage, one call at a time, like every sink.</remarks>
internal sealed class DisplaySink : ICaptionSink
{
    /// <summary>Two frames at 60 Hz plus a slow llvmpipe frame; a display that takes longer is reported, not waited for.</summary>
    private static readonly TimeSpan s_lastFrameWait = TimeSpan.FromSeconds(2);

    private readonly CaptionDisplay _display;
    private readonly Func<CaptionPresented, CancellationToken, ValueTask>? _onPresented;
    private long _lastId = -1;
    private int _lastVersion;
    private bool _lastPresented = true;

    public DisplaySink(CaptionDisplay display, JsonLinesEventWriter? events)
        : this(display, events is null ? null : (p, ct) => events.WritePresentedAsync(p.LineId, p.Version, p.PresentedAt, ct))
    {
    }

    /// <param name="display">The running display.</param>
    /// <param name="onPresented">Called for each version's first frame (the events file, the bench's presented log).</param>
    public DisplaySink(CaptionDisplay display, Func<CaptionPresented, CancellationToken, ValueTask>? onPresented)
    {
        _display = display;
        _onPresented = onPresented;
    }

    public CaptionDisplay Display => _display;

    public async ValueTask WriteAsync(CaptionLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        _display.Scenes.Apply(line);
        _lastId = line.Id;
        _lastVersion = line.Version;
        _lastPresented = false;
        await DrainAsync(cancellationToken);
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _display.Scenes.CompleteAsync(cancellationToken);
        using var deadline = new CancellationTokenSource(s_lastFrameWait);
        while (!_lastPresented && !_display.Completion.IsCompleted && !deadline.IsCancellationRequested)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
            try
            {
                await _display.Presented.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (wait.IsCancellationRequested)
            {
                // Poll again: the display may have stopped.
            }

            await DrainAsync(cancellationToken);
        }

        await DrainAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await _display.DisposeAsync();

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        while (_display.Presented.Reader.TryRead(out var presented))
        {
            if (presented.LineId == _lastId && presented.Version >= _lastVersion)
            {
                _lastPresented = true;
            }

            if (_onPresented is not null)
            {
                await _onPresented(presented, cancellationToken);
            }
        }
    }
}
