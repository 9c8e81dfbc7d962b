using Captions.Cli.Configuration;
using Captions.Engine.Hosting;
using Captions.Engine.Models;
using Captions.Engine.Speech;
using Captions.Engine.Vad;
using Captions.Native.Whisper;
using Captions.Speech.Sphinx;
using Captions.Speech.Whisper;
using Captions.Vad.Silero;
using Microsoft.Extensions.Logging;

namespace Captions.Cli.Commands;

/// <summary>
/// Chooses and loads the recogniser and the voice activity detector the settings ask for. "auto" picks the best one
/// present (Whisper with an installed model, Silero with ONNX Runtime and its model) and falls back, with one line
/// saying why, to what needs no download (pocketsphinx, the energy VAD).
/// </summary>
internal sealed class SpeechEngines
{
    /// <summary>Preference when no model is named: English-only before multilingual, small before large (latency).</summary>
    private static readonly string[] s_autoPreference =
        ["base.en", "tiny.en", "base", "tiny", "small.en", "small", "base.en-q5_1", "tiny.en-q5_1", "base-q5_1", "tiny-q5_1"];

    private readonly CliContext _context;
    private readonly CaptionsSettings _settings;
    private readonly CaptionsPaths _paths;

    public SpeechEngines(CliContext context, CaptionsSettings settings)
    {
        _context = context;
        _settings = settings;
        _paths = new CaptionsPaths(name => context.Environment.GetValueOrDefault(name));
    }

    /// <summary>Loads the recogniser; <paramref name="notice"/> says why "auto" settled for sphinx.</summary>
    /// <exception cref="ModelNotFoundException">Whisper was asked for and no model is found.</exception>
    public ISpeechRecognizer CreateRecognizer(out string? notice)
    {
        notice = null;
        if (_settings.Asr != "sphinx")
        {
            var model = FindWhisperModel(out var why);
            if (model is not null)
            {
                return CreateWhisper(model);
            }

            if (_settings.Asr == "whisper")
            {
                throw new ModelNotFoundException(why, _settings.Whisper.Model ?? "ggml-base.en.bin");
            }

            notice = $"no Whisper model ({why}); using sphinx";
        }

        return new SphinxRecognizer(
            new SphinxRecognizerOptions
            {
                ModelRoot = _settings.Sphinx.ModelDir,
                DictionaryPath = _settings.Sphinx.Dictionary,
                LanguageModelPath = _settings.Sphinx.LanguageModel,
            },
            _context.LoggerFactory.CreateLogger<SphinxRecognizer>());
    }

    /// <summary>Loads the detector; <paramref name="notice"/> says why it is not the one asked for (or "auto"'s best).</summary>
    public IVoiceActivityDetector CreateDetector(out string? notice)
    {
        var energy = new EnergyVadOptions { ThresholdDb = (float)_settings.Vad.ThresholdDb };
        notice = null;
        if (_settings.Vad.Engine == "energy")
        {
            return new EnergyVoiceActivityDetector(energy);
        }

        var detector = SileroVadFactory.CreateOrFallback(_paths, out var reason, _context.LoggerFactory.CreateLogger("Captions.Vad.Silero"), energy);
        if (reason is not null && _settings.Vad.Engine == "silero")
        {
            (detector as IDisposable)?.Dispose();
            throw new FileNotFoundException(reason.Replace(", using energy VAD", string.Empty, StringComparison.Ordinal) + " (--vad silero was asked for)");
        }

        notice = reason;
        return detector;
    }

    /// <summary>The Whisper model to use, or null with the reason none applies.</summary>
    internal string? FindWhisperModel(out string why)
    {
        var store = ModelsCommand.OpenStore(_context, _settings);
        if (_settings.Whisper.Model is { Length: > 0 } named)
        {
            // A named model must exist: Resolve throws with pull/download instructions otherwise.
            why = string.Empty;
            return store.Resolve(named);
        }

        foreach (var name in s_autoPreference)
        {
            if (store.Catalog.Find(name) is { } info && File.Exists(store.PathFor(info)))
            {
                why = string.Empty;
                return store.PathFor(info);
            }
        }

        why = $"none installed in {store.Directory}: run 'captions models pull base.en' or pass --model PATH";
        return null;
    }

    private ISpeechRecognizer CreateWhisper(string modelPath)
    {
        var factory = WhisperFactory.FromPath(
            modelPath,
            new WhisperFactoryOptions
            {
                LibraryDirectory = _paths.WhisperLibraryDirectory,
                Logger = _context.LoggerFactory.CreateLogger("Captions.Native.Whisper"),
            });
        try
        {
            var threads = _settings.Whisper.Threads > 0 ? _settings.Whisper.Threads : Math.Clamp(Environment.ProcessorCount, 1, 4);
            var processor = factory.CreateBuilder()
                .WithLanguage(_settings.Whisper.Language)
                .WithThreads(threads)
                .WithTokenTimestamps()
                .WithTemperatureFallback(false)
                .Build();
            var recognizer = new WhisperStreamingRecognizer(
                new WhisperCppDecoder(processor),
                new WhisperStreamingOptions { Step = TimeSpan.FromMilliseconds(_settings.Whisper.StepMs) });
            return new OwningRecognizer(recognizer, factory);
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    /// <summary>A recogniser that also disposes what it was built on (the whisper context outlives its state).</summary>
    private sealed class OwningRecognizer : ISpeechRecognizer
    {
        private readonly ISpeechRecognizer _inner;
        private readonly IDisposable _owned;

        public OwningRecognizer(ISpeechRecognizer inner, IDisposable owned)
        {
            _inner = inner;
            _owned = owned;
        }

        public string Name => _inner.Name;

        public void StartUtterance(TimeSpan streamTime) => _inner.StartUtterance(streamTime);

        public SpeechHypothesis? AcceptAudio(ReadOnlySpan<float> samples, CancellationToken cancellationToken = default) => _inner.AcceptAudio(samples, cancellationToken);

        public SpeechHypothesis EndUtterance(CancellationToken cancellationToken = default) => _inner.EndUtterance(cancellationToken);

        public void Dispose()
        {
            _inner.Dispose();
            _owned.Dispose();
        }
    }
}
