using System.Runtime.CompilerServices;
using Captions.Engine.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Captions.Translation.Apertium;

/// <summary>
/// The offline fallback translator: Apertium's rule-based pairs from Debian (eng-spa, eng-cat, fr-es, ...), no model.
/// </summary>
/// <remarks>
/// Each direction gets one warm null-flush pipeline, started on first use (~0.2 s) and answering in a few ms after
/// (see <see cref="ApertiumPipeline"/> for what was measured). Apertium is not incremental, so every request yields
/// exactly one, complete, update. Context and glossary are ignored: Apertium has no way to take them.
/// Output: unknown words pass through unmarked, generation gaps show the lemma (see <see cref="ApertiumText"/>).
/// Threading model: safe for concurrent calls; each pipeline serialises its own writes.
/// </remarks>
public sealed class ApertiumTranslator : ITranslator
{
    private readonly ApertiumOptions _options;
    private readonly ILogger _logger;
    private readonly ApertiumPairCatalog _catalog;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ApertiumPipeline> _pipelines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _oneShotScripts = new(StringComparer.Ordinal);
    private ApertiumTools? _tools;
    private bool _disposed;

    public ApertiumTranslator(ApertiumOptions? options = null, ILogger<ApertiumTranslator>? logger = null)
    {
        _options = options ?? new ApertiumOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _catalog = ApertiumPairCatalog.Discover(_options.ModesDirectory);
    }

    public string Name => "apertium";

    /// <summary>The directions installed in <see cref="ApertiumOptions.ModesDirectory"/>.</summary>
    public IReadOnlyCollection<ApertiumPair> InstalledPairs => _catalog.Pairs;

    /// <summary>True when a pair for these ISO 639-1 (or Apertium 639-3) codes is installed; "en-US" counts as "en".</summary>
    public bool Supports(string source, string target) => _catalog.Find(source, target) is not null;

    public async IAsyncEnumerable<TranslationUpdate> TranslateAsync(
        TranslationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        string source = ApertiumText.Neutralise(request.Text);
        if (source.Length == 0)
        {
            yield return new TranslationUpdate(string.Empty, IsComplete: true);
            yield break;
        }

        if (source.Length > _options.MaxInputChars)
        {
            throw new TranslationException(
                TranslationFailureKind.Rejected,
                $"Text to translate is {source.Length} characters; Apertium accepts at most {_options.MaxInputChars} per request.");
        }

        ApertiumTools tools = Tools();
        ApertiumPair pair = FindPair(request.SourceLanguage, request.TargetLanguage);
        string escaped = ApertiumText.Escape(source);
        string raw = _options.UseWarmProcess
            ? await Pipeline(pair, tools).TranslateAsync(escaped, cancellationToken).ConfigureAwait(false)
            : await ApertiumOneShot.TranslateAsync(
                tools, await OneShotScriptAsync(pair, tools, cancellationToken).ConfigureAwait(false), pair, escaped,
                _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        yield return new TranslationUpdate(ApertiumText.Clean(raw, source), IsComplete: true);
    }

    /// <summary>The warm pipeline's process id for a direction, or null if none is running (tests prove reuse with it).</summary>
    internal int? WarmProcessId(string source, string target)
    {
        ApertiumPair? pair = _catalog.Find(source, target);
        lock (_gate)
        {
            return pair is not null && _pipelines.TryGetValue(pair.Mode, out ApertiumPipeline? pipeline) ? pipeline.ProcessId : null;
        }
    }

    /// <summary>Requests turned away, across directions, because a pipeline already had <see cref="ApertiumOptions.QueueCapacity"/> in flight.</summary>
    public long RejectedRequests
    {
        get
        {
            lock (_gate)
            {
                return _pipelines.Values.Sum(p => p.Rejected);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        ApertiumPipeline[] pipelines;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            pipelines = [.. _pipelines.Values];
            _pipelines.Clear();
        }

        foreach (ApertiumPipeline pipeline in pipelines)
        {
            await pipeline.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ApertiumTools Tools()
    {
        // Located on first use, not in the constructor, so `Supports` and the pair list work (and the CLI can
        // explain what is missing) on a machine without the apertium package.
        ApertiumTools? tools = Volatile.Read(ref _tools);
        if (tools is null)
        {
            tools = ApertiumTools.Locate(_options.BinaryDirectory);
            Volatile.Write(ref _tools, tools);
        }

        return tools;
    }

    private ApertiumPair FindPair(string source, string target)
    {
        ApertiumPair? pair = _catalog.Find(source, target);
        if (pair is not null)
        {
            return pair;
        }

        string from = ApertiumLanguageCodes.Canonical(source);
        string to = ApertiumLanguageCodes.Canonical(target);
        string? package = ApertiumDebianPackages.PackageFor(from, to);
        string remedy = package is not null
            ? $"install the Debian package {package} (apt-get install {package}) to add it"
            : $"Debian has no Apertium package for {from}-{to}";
        throw new TranslationException(
            TranslationFailureKind.UnsupportedPair,
            $"Apertium has no {source}->{target} pair in {_catalog.ModesDirectory}; {remedy}. Installed: {_catalog.Describe()}.");
    }

    private ApertiumPipeline Pipeline(ApertiumPair pair, ApertiumTools tools)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_pipelines.TryGetValue(pair.Mode, out ApertiumPipeline? pipeline))
            {
                pipeline = new ApertiumPipeline(pair, tools, _options, _logger);
                _pipelines[pair.Mode] = pipeline;
            }

            return pipeline;
        }
    }

    private async Task<string> OneShotScriptAsync(ApertiumPair pair, ApertiumTools tools, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_oneShotScripts.TryGetValue(pair.Mode, out string? cached))
            {
                return cached;
            }
        }

        string script = await tools.ScriptAsync(pair, nullFlush: false, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _oneShotScripts[pair.Mode] = script;
        }

        return script;
    }
}
