using Captions.Engine.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Captions.Vision.Signs;

/// <summary>
/// Translates sign and menu texts in the background so the frame loop never waits: the first ask for a text returns
/// the cached translation or starts a request and returns null (the overlay shows the source text meanwhile); later
/// asks pick the answer up once it has arrived.
/// </summary>
/// <remarks>
/// Cost: the same normalised text (<see cref="TranslationCache.Normalize"/>) and language pair is requested at most
/// once: repeats are cache hits, and asks while a request is running join it. A failed text is not retried in this
/// run (a sign in view would otherwise cost a request every frame); each <see cref="TranslationFailureKind"/> is
/// logged once until a translation succeeds again. Sign text is untrusted data: it goes to the translator as the
/// request's text, and whatever the translator answers is shown as the translation.
/// Threading model: <see cref="Request"/> and <see cref="Poll"/> are called from one loop; requests run as tasks that
/// only touch the thread-safe cache and this class's locked state.
/// </remarks>
public sealed partial class SignTranslator : IAsyncDisposable
{
    // A run meets a few hundred distinct texts at most; past this the failed set starts over (retrying is harmless).
    private const int MaxFailedTexts = 4096;

    private readonly ITranslator? _translator;
    private readonly TranslationCache _cache;
    private readonly string _target;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _arrivedAt = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private readonly HashSet<TranslationFailureKind> _loggedFailures = [];
    private CancellationTokenSource _stop = new();
    private long _requests;
    private long _hits;
    private long _failures;

    public SignTranslator(ITranslator? translator, TranslationCache cache, string targetLanguage, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetLanguage);
        ArgumentNullException.ThrowIfNull(time);
        _translator = translator;
        _cache = cache;
        _target = targetLanguage;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>False when no translator is configured: every ask returns null.</summary>
    public bool IsEnabled => _translator is not null;

    /// <summary>Requests that reached the translator.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>First asks answered from the cache (no request).</summary>
    public long CacheHits => Interlocked.Read(ref _hits);

    /// <summary>Requests that failed (cancelled ones at shutdown excluded).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>
    /// First ask for <paramref name="text"/>: the cached translation (counted as a hit), or null after starting a
    /// request (or joining the one running). <paramref name="requested"/> says whether this ask reached the translator.
    /// </summary>
    public string? Request(string text, string sourceLanguage, out bool requested)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceLanguage);
        requested = false;
        if (_translator is null || TranslationCache.Normalize(text).Length == 0)
        {
            return null;
        }

        if (_cache.TryGet(text, sourceLanguage, _target, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var key = Key(text, sourceLanguage);
        lock (_lock)
        {
            if (_inFlight.ContainsKey(key) || _failed.Contains(key) || _stop.IsCancellationRequested)
            {
                return null;
            }

            Interlocked.Increment(ref _requests);
            requested = true;
            var request = new TranslationRequest(text, sourceLanguage, _target);
            // The task cannot finish before this assignment: it yields first and removes itself under this lock.
            _inFlight[key] = TranslateAsync(key, request, _stop.Token);
        }

        return null;
    }

    /// <summary>
    /// Later asks: the translation once it has arrived (and the <see cref="TimeProvider"/> timestamp it arrived at), or
    /// null while it runs, after it failed, or when translation is off. Not counted as a hit.
    /// </summary>
    public string? Poll(string text, string sourceLanguage, out long arrivedAt)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceLanguage);
        arrivedAt = 0;
        if (_translator is null)
        {
            return null;
        }

        var key = Key(text, sourceLanguage);
        lock (_lock)
        {
            if (_inFlight.ContainsKey(key) || _failed.Contains(key))
            {
                return null;
            }

            _arrivedAt.Remove(key, out arrivedAt);
        }

        return _cache.TryGet(text, sourceLanguage, _target, out var translation) ? translation : null;
    }

    /// <summary>Waits until no request is running (end of a run, tests).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] running;
            lock (_lock)
            {
                running = [.. _inFlight.Values];
            }

            if (running.Length == 0)
            {
                return;
            }

            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Cancels the requests still running (their texts stay untranslated and may be asked for again) and waits for them.</summary>
    public async Task CancelPendingAsync()
    {
        CancellationTokenSource old;
        lock (_lock)
        {
            old = _stop;
            _stop = new CancellationTokenSource();
        }

        await old.CancelAsync().ConfigureAwait(false);
        await DrainAsync(CancellationToken.None).ConfigureAwait(false);
        old.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await CancelPendingAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task TranslateAsync(string key, TranslationRequest request, CancellationToken cancellationToken)
    {
        // Off the caller's stack: the frame loop returns at once even if the translator answers synchronously.
        await Task.Yield();
        try
        {
            string? last = null;
            await foreach (var update in _translator!.TranslateAsync(request, cancellationToken).ConfigureAwait(false))
            {
                last = update.Text;
                if (update.IsComplete)
                {
                    break;
                }
            }

            var translation = last?.Trim();
            if (string.IsNullOrEmpty(translation))
            {
                throw new TranslationException(TranslationFailureKind.Rejected, $"Translator '{_translator.Name}' returned no text for a {request.SourceLanguage}->{request.TargetLanguage} sign.");
            }

            _cache.Add(request.Text, request.SourceLanguage, request.TargetLanguage, translation);
            lock (_lock)
            {
                if (_arrivedAt.Count >= MaxFailedTexts)
                {
                    _arrivedAt.Clear(); // never picked up (their signs left first): only a stamp is lost
                }

                _arrivedAt[key] = _time.GetTimestamp();
                _loggedFailures.Clear();
                _inFlight.Remove(key);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            lock (_lock)
            {
                _inFlight.Remove(key);
            }
        }
        catch (Exception error)
        {
            // Any failure of a background request (a translator's own timeout surfaces as OperationCanceledException, a
            // buggy adapter as anything) must leave the sign untranslated, never fault the frame loop.
            var kind = error is TranslationException t ? t.Kind : error is OperationCanceledException ? TranslationFailureKind.Timeout : TranslationFailureKind.EngineFailed;
            Interlocked.Increment(ref _failures);
            bool log;
            lock (_lock)
            {
                if (_failed.Count >= MaxFailedTexts)
                {
                    _failed.Clear();
                }

                _failed.Add(key);
                _inFlight.Remove(key);
                log = _loggedFailures.Add(kind);
            }

            if (log)
            {
                LogFailed(_logger, kind, _translator!.Name, error.Message);
            }
        }
    }

    private string Key(string text, string source) => $"{source}\u001f{_target}\u001f{TranslationCache.Normalize(text)}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign translation failed ({Kind}) with translator '{Translator}': {Reason}. Signs show their source text; this is logged once per kind.")]
    private static partial void LogFailed(ILogger logger, TranslationFailureKind kind, string translator, string reason);
}
