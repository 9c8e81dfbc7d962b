using System.Diagnostics;
using System.Threading.Channels;
using Captions.Engine.Captioning;
using Captions.Engine.Pipeline;
using Captions.Engine.Timing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Captions.Engine.Translation;

/// <summary>
/// Adds translations to caption lines as they go by, without ever holding the source captions back except a
/// committed line, which waits (at most <see cref="TranslatorStageOptions.CommittedTimeout"/>) for its translation so
/// that its committed version carries it and never changes afterwards.
/// </summary>
/// <remarks>
/// What gets translated and when:
/// <list type="bullet">
/// <item>A partial version is passed on at once with the line's latest translation. It is translated at most every
/// <see cref="TranslatorStageOptions.PartialInterval"/> and only when its words changed (case, punctuation and spacing
/// do not count); a newer request for the same line cancels the older one (latest wins).</item>
/// <item>A committed version cancels the line's partial request and is translated with the last few committed lines
/// as context and the glossary terms it contains.</item>
/// <item>A line's first translation streams in whole words (the first words show before the rest arrive); once a
/// line shows a translation, it is replaced only by complete ones, so it never shrinks and regrows.</item>
/// <item>Repeats come from an LRU cache of finished translations. A failed or rejected committed translation commits
/// the source text marked <see cref="CaptionLine.Untranslated"/>; each failure kind is logged once until a
/// translation succeeds again.</item>
/// </list>
/// Threading model: one loop owns all line state and is the only writer to the output; translator calls run as tasks
/// that post their progress back to the loop through a bounded channel.
/// </remarks>
public sealed partial class TranslatorStage
{
    private const int EventCapacity = 256;

    private static readonly char[] s_punctuation = ['.', ',', '!', '?', ';', ':', '"', '\'', '(', ')', '-', '…', '¿', '¡', '«', '»'];

    private readonly ITranslator _translator;
    private readonly TranslatorStageOptions _options;
    private readonly PipelineClock _clock;
    private readonly ILogger _logger;
    private readonly Dictionary<long, LineState> _lines = [];
    private readonly Queue<string> _context = new();
    private readonly HashSet<TranslationFailureKind> _loggedFailures = [];
    private readonly Channel<StageEvent> _events = Channel.CreateBounded<StageEvent>(
        new BoundedChannelOptions(EventCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _requests;
    private long _failures;
    private long _busyTicks;
    private int _running;

    public TranslatorStage(ITranslator translator, TranslatorStageOptions options, PipelineClock clock, ILogger? logger = null, TranslationCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(translator);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        _translator = translator;
        _options = options;
        _clock = clock;
        _logger = logger ?? NullLogger.Instance;
        Cache = cache ?? new TranslationCache(options.CacheCapacity);
    }

    public TranslationCache Cache { get; }

    /// <summary>Requests sent to the translator (cache hits excluded).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>
    /// Time requests spent in the translator, summed (requests may overlap, so this can exceed wall time): the stage's
    /// cost as a real-time factor when divided by the audio length.
    /// </summary>
    public TimeSpan BusyTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _busyTicks));

    /// <summary>Requests that failed, timed out or were rejected (cancelled stale ones excluded).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public async Task RunAsync(ChannelReader<CaptionLine> input, PipelineEdge<CaptionLine> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(input, stop.Token);
        var inputDone = false;
        try
        {
            while (!inputDone || _running > 0)
            {
                var item = await _events.Reader.ReadAsync(stop.Token).ConfigureAwait(false);
                switch (item)
                {
                    case SourceEvent source:
                        await OnSourceAsync(source.Line, output, stop.Token).ConfigureAwait(false);
                        break;
                    case ProgressEvent progress:
                        await OnProgressAsync(progress, output, stop.Token).ConfigureAwait(false);
                        break;
                    case TickEvent tick:
                        if (_lines.TryGetValue(tick.LineId, out var ticked))
                        {
                            ticked.TickPending = false;
                            await MaybeTranslatePartialAsync(ticked, output, stop.Token).ConfigureAwait(false);
                        }

                        break;
                    case InputCompletedEvent:
                        inputDone = true;
                        CancelPartials();
                        break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var line in _lines.Values)
            {
                line.InFlight?.Dispose();
            }

            _lines.Clear();
        }

        await pump.ConfigureAwait(false);
    }

    private async Task PumpAsync(ChannelReader<CaptionLine> input, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await _events.Writer.WriteAsync(new SourceEvent(line), cancellationToken).ConfigureAwait(false);
            }

            await _events.Writer.WriteAsync(InputCompletedEvent.Instance, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The loop stopped first (cancellation or a fault it reports itself).
        }
    }

    private async ValueTask OnSourceAsync(CaptionLine line, PipelineEdge<CaptionLine> output, CancellationToken cancellationToken)
    {
        if (!_lines.TryGetValue(line.Id, out var state))
        {
            state = new LineState(line.Id, line);
            _lines.Add(line.Id, state);
        }

        state.Latest = line;
        if (line.State == CaptionState.Partial)
        {
            await EmitAsync(state, CaptionState.Partial, state.Translation, output, cancellationToken).ConfigureAwait(false);
            await MaybeTranslatePartialAsync(state, output, cancellationToken).ConfigureAwait(false);
            return;
        }

        state.Committed = true;
        Cancel(state);
        if (line.Text.Trim().Length == 0)
        {
            await CommitAsync(state, translation: null, untranslated: false, output, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (Cache.TryGet(line.Text, _options.SourceLanguage, _options.TargetLanguage, out var cached))
        {
            await CommitAsync(state, cached, untranslated: false, output, cancellationToken).ConfigureAwait(false);
            return;
        }

        Start(state, line.Text, partial: false, cancellationToken);
    }

    private async ValueTask MaybeTranslatePartialAsync(LineState state, PipelineEdge<CaptionLine> output, CancellationToken cancellationToken)
    {
        if (!_options.TranslatePartials || state.Committed)
        {
            return;
        }

        var text = state.Latest.Text;
        var words = WordKey(text);
        if (words.Length == 0 || string.Equals(words, state.RequestedWords, StringComparison.Ordinal))
        {
            return;
        }

        if (Cache.TryGet(text, _options.SourceLanguage, _options.TargetLanguage, out var cached))
        {
            Cancel(state);
            state.RequestedWords = words;
            state.Translation = cached;
            await EmitAsync(state, CaptionState.Partial, cached, output, cancellationToken).ConfigureAwait(false);
            return;
        }

        var now = _clock.TimeProvider.GetTimestamp();
        var since = state.LastPartialRequest == 0 ? TimeSpan.MaxValue : _clock.TimeProvider.GetElapsedTime(state.LastPartialRequest, now);
        if (since < _options.PartialInterval)
        {
            if (!state.TickPending)
            {
                state.TickPending = true;
                _ = TickAfterAsync(state.Id, _options.PartialInterval - since, cancellationToken);
            }

            return;
        }

        Cancel(state); // latest wins: the older partial's answer would be stale on arrival
        state.RequestedWords = words;
        state.LastPartialRequest = now;
        Start(state, text, partial: true, cancellationToken);
    }

    private void Start(LineState state, string text, bool partial, CancellationToken stageToken)
    {
        var request = new TranslationRequest(text, _options.SourceLanguage, _options.TargetLanguage)
        {
            Context = partial ? [] : [.. _context],
            Glossary = _options.Glossary.Match(text),
            IsPartial = partial,
        };

        state.Generation++;
        state.InFlightPartial = partial;
        state.InFlightText = text;
        state.InFlight = partial
            ? CancellationTokenSource.CreateLinkedTokenSource(stageToken)
            : CreateTimeout(stageToken);
        Interlocked.Increment(ref _requests);
        _running++;
        _ = TranslateAsync(state.Id, state.Generation, request, state.InFlight.Token, stageToken);
    }

    private CancellationTokenSource CreateTimeout(CancellationToken stageToken)
    {
        // The budget runs on the pipeline's clock (tests drive it), linked with the stage's token.
        var budget = new CancellationTokenSource(_options.CommittedTimeout, _clock.TimeProvider);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(stageToken, budget.Token);
        linked.Token.Register(static state => ((CancellationTokenSource)state!).Dispose(), budget);
        return linked;
    }

    private async Task TranslateAsync(long lineId, int generation, TranslationRequest request, CancellationToken requestToken, CancellationToken stageToken)
    {
        ProgressEvent result;
        var busy = Stopwatch.GetTimestamp();
        try
        {
            var last = string.Empty;
            var complete = false;
            await foreach (var update in _translator.TranslateAsync(request, requestToken).ConfigureAwait(false))
            {
                last = update.Text;
                complete = update.IsComplete;
                if (!complete)
                {
                    await _events.Writer.WriteAsync(new ProgressEvent(lineId, generation, last, false, null), stageToken).ConfigureAwait(false);
                }
            }

            result = new ProgressEvent(lineId, generation, last, true, last.Trim().Length == 0 ? new TranslationException(TranslationFailureKind.Rejected, $"{_translator.Name} returned an empty translation") : null);
        }
        catch (OperationCanceledException) when (stageToken.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException) when (requestToken.IsCancellationRequested)
        {
            // Either a newer request replaced this one (the loop ignores the stale generation) or the committed
            // line's time budget ran out.
            result = new ProgressEvent(lineId, generation, string.Empty, true, new TranslationException(
                TranslationFailureKind.Timeout, $"{_translator.Name}: no complete translation within {_options.CommittedTimeout.TotalSeconds:0.#} s"));
        }
        catch (TranslationException exception)
        {
            result = new ProgressEvent(lineId, generation, string.Empty, true, exception);
        }
#pragma warning disable CA1031 // any translator failure becomes an untranslated caption, never a dead pipeline
        catch (Exception exception)
#pragma warning restore CA1031
        {
            result = new ProgressEvent(lineId, generation, string.Empty, true, new TranslationException(
                TranslationFailureKind.EngineFailed, $"{_translator.Name} failed: {exception.Message}", exception));
        }
        finally
        {
            Interlocked.Add(ref _busyTicks, Stopwatch.GetTimestamp() - busy);
        }

        try
        {
            await _events.Writer.WriteAsync(result, stageToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stageToken.IsCancellationRequested)
        {
        }
    }

    private async Task TickAfterAsync(long lineId, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _clock.TimeProvider, cancellationToken).ConfigureAwait(false);
            await _events.Writer.WriteAsync(new TickEvent(lineId), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async ValueTask OnProgressAsync(ProgressEvent progress, PipelineEdge<CaptionLine> output, CancellationToken cancellationToken)
    {
        if (progress.IsComplete)
        {
            _running--;
        }

        if (!_lines.TryGetValue(progress.LineId, out var state) || state.Generation != progress.Generation)
        {
            return; // stale: a newer request for the line replaced it, or the line is done
        }

        if (!progress.IsComplete)
        {
            // The line's first translation streams, in whole words; later ones wait until complete (no shrinking).
            if (state.Translation is null && WholeWords(progress.Text) is { Length: > 0 } shown && !string.Equals(shown, state.Streaming, StringComparison.Ordinal))
            {
                state.Streaming = shown;
                await EmitAsync(state, CaptionState.Partial, shown, output, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var partial = state.InFlightPartial;
        state.InFlight?.Dispose();
        state.InFlight = null;
        state.Streaming = null;
        if (progress.Error is { } error)
        {
            ReportFailure(error);
            if (!partial)
            {
                await CommitAsync(state, translation: null, untranslated: true, output, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        RecoverIfFailing();
        var translation = progress.Text.Trim();
        Cache.Add(state.InFlightText, _options.SourceLanguage, _options.TargetLanguage, translation);
        state.Translation = translation;
        if (partial)
        {
            await EmitAsync(state, CaptionState.Partial, translation, output, cancellationToken).ConfigureAwait(false);
            await MaybeTranslatePartialAsync(state, output, cancellationToken).ConfigureAwait(false);
            return;
        }

        await CommitAsync(state, translation, untranslated: false, output, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask CommitAsync(LineState state, string? translation, bool untranslated, PipelineEdge<CaptionLine> output, CancellationToken cancellationToken)
    {
        Cancel(state);
        _lines.Remove(state.Id);
        var text = state.Latest.Text.Trim();
        if (text.Length > 0)
        {
            _context.Enqueue(text);
            while (_context.Count > _options.ContextLines)
            {
                _context.Dequeue();
            }
        }

        var line = Version(state, CaptionState.Committed, translation) with { Untranslated = untranslated };
        await output.WriteAsync(line, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<bool> EmitAsync(LineState state, CaptionState kind, string? translation, PipelineEdge<CaptionLine> output, CancellationToken cancellationToken) =>
        output.WriteAsync(Version(state, kind, translation), cancellationToken);

    private CaptionLine Version(LineState state, CaptionState kind, string? translation)
    {
        var stamps = translation is null ? state.Latest.Stamps : state.Latest.Stamps.WithMt(_clock.Now());
        return state.Latest with
        {
            Version = state.NextVersion++,
            State = kind,
            Translation = translation,
            Stamps = stamps,
        };
    }

    private void Cancel(LineState state)
    {
        if (state.InFlight is { } inFlight)
        {
            inFlight.Cancel();
            inFlight.Dispose();
            state.InFlight = null;
            state.Generation++; // whatever it still posts is stale
        }
    }

    private void CancelPartials()
    {
        foreach (var state in _lines.Values)
        {
            if (state.InFlight is not null && state.InFlightPartial)
            {
                Cancel(state);
            }
        }
    }

    private void ReportFailure(TranslationException error)
    {
        Interlocked.Increment(ref _failures);
        if (_loggedFailures.Add(error.Kind))
        {
            LogFailure(_logger, _translator.Name, error.Kind, error.Message);
        }
    }

    private void RecoverIfFailing()
    {
        if (_loggedFailures.Count > 0)
        {
            LogRecovered(_logger, _translator.Name);
            _loggedFailures.Clear();
        }
    }

    /// <summary>The words of <paramref name="text"/>, lower-cased without punctuation: what "changed by whole words" compares.</summary>
    internal static string WordKey(string text)
    {
        var words = TranslationCache.Normalize(text)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(s_punctuation))
            .Where(w => w.Length > 0);
        return string.Join(' ', words);
    }

    /// <summary>The translation so far cut back to its last whole word (all of it for scripts without spaces).</summary>
    internal static string WholeWords(string text)
    {
        var trimmed = text.TrimStart();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? (trimmed.Any(IsSpacelessScript) ? trimmed : string.Empty) : trimmed[..space].TrimEnd();
    }

    private static bool IsSpacelessScript(char c) => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff' or >= '\u0e00' and <= '\u0e7f';

    [LoggerMessage(Level = LogLevel.Warning, Message = "translation via {Translator} failing ({Kind}): {Reason}; captions continue untranslated (logged once per kind until it recovers)")]
    private static partial void LogFailure(ILogger logger, string translator, TranslationFailureKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "translation via {Translator} recovered")]
    private static partial void LogRecovered(ILogger logger, string translator);

    private sealed class LineState(long id, CaptionLine latest)
    {
        public long Id { get; } = id;

        public CaptionLine Latest { get; set; } = latest;

        public int NextVersion { get; set; }

        public int Generation { get; set; }

        public CancellationTokenSource? InFlight { get; set; }

        public bool InFlightPartial { get; set; }

        public string InFlightText { get; set; } = string.Empty;

        public string? Translation { get; set; }

        public string? Streaming { get; set; }

        public string? RequestedWords { get; set; }

        public long LastPartialRequest { get; set; }

        public bool TickPending { get; set; }

        public bool Committed { get; set; }
    }

    private abstract record StageEvent;

    private sealed record SourceEvent(CaptionLine Line) : StageEvent;

    private sealed record ProgressEvent(long LineId, int Generation, string Text, bool IsComplete, TranslationException? Error) : StageEvent;

    private sealed record TickEvent(long LineId) : StageEvent;

    private sealed record InputCompletedEvent : StageEvent
    {
        public static InputCompletedEvent Instance { get; } = new();
    }
}
