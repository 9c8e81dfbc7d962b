using Captions.Bench.Running;
using Captions.Cli.Commands;
using Captions.Cli.Configuration;
using Captions.Cli.Display;
using Captions.Engine.Output;
using Captions.Engine.Speech;
using Captions.Engine.Timing;
using Captions.Engine.Translation;
using Captions.Engine.Vad;
using Captions.Renderer.OpenGL.Hosting;

namespace Captions.Cli.Bench;

/// <summary>
/// One bench configuration's engines, built from settings exactly as `captions listen` builds them (same recogniser,
/// VAD, translator and display choices, same fallbacks), so the harness measures the product, not a test rig.
/// </summary>
internal sealed class CliBenchBackends : IBenchBackends
{
    private readonly CliContext _context;
    private readonly CaptionsSettings _settings;
    private readonly DisplayTarget _display;
    private readonly string _detectorName;

    private CliBenchBackends(CliContext context, CaptionsSettings settings, ISpeechRecognizer recognizer, ITranslator? translator, DisplayTarget display)
    {
        _context = context;
        _settings = settings;
        _display = display;
        Recognizer = recognizer;
        Translator = translator;
        Translation = translator is null ? null : ConversationRunner.TranslationOptions(settings, ConversationRunner.SpokenLanguage(settings, recognizer.Name));
        Segmenter = ConversationRunner.SegmenterOptions(settings);
        var probe = CreateDetector();
        _detectorName = probe.Name;
        (probe as IDisposable)?.Dispose();
    }

    public string Description
    {
        get
        {
            var model = Recognizer.Name == "whisper" && _settings.Whisper.Model is { } m ? $" ({Path.GetFileName(m)})" : string.Empty;
            var translation = Translator is null ? "no translation" : $"{Translator.Name} {Translation!.SourceLanguage}->{Translation.TargetLanguage}";
            var display = _display.IsNone ? "no display" : "headless display";
            return $"{Recognizer.Name} recogniser{model}, {_detectorName} VAD, {translation}, {display}";
        }
    }

    public ISpeechRecognizer Recognizer { get; }

    public IReadOnlySet<string>? Languages => Recognizer.Name switch
    {
        "sphinx" => new HashSet<string>(["en"]),
        _ when _settings.Whisper.Language == "auto" => null,
        _ => new HashSet<string>([_settings.Whisper.Language]),
    };

    public ITranslator? Translator { get; }

    public TranslatorStageOptions? Translation { get; }

    public SpeechSegmenterOptions Segmenter { get; }

    /// <summary>Loads the engines the settings name; notices (fallbacks) go to stderr once.</summary>
    public static BenchConfiguration Configuration(CliContext context, string name, CaptionsSettings settings, DisplayTarget display) =>
        new(name, _ =>
        {
            var engines = new SpeechEngines(context, settings);
            var recognizer = engines.CreateRecognizer(out var notice);
            if (notice is not null)
            {
                context.Error.WriteLine($"captions: bench {name}: {notice}");
            }

            ITranslator? translator = null;
            try
            {
                translator = new TranslationEngines(context, settings).Create(ConversationRunner.SpokenLanguage(settings, recognizer.Name), out var mtNotice);
                if (mtNotice is not null)
                {
                    context.Error.WriteLine($"captions: bench {name}: {mtNotice}");
                }

                return ValueTask.FromResult<IBenchBackends>(new CliBenchBackends(context, settings, recognizer, translator, display));
            }
            catch
            {
                recognizer.Dispose();
                throw;
            }
        });

    public IVoiceActivityDetector CreateDetector() => new SpeechEngines(_context, _settings).CreateDetector(out _);

    public async ValueTask<IReadOnlyList<ICaptionSink>> CreateSinksAsync(PipelineClock clock, PresentedLog presented, CancellationToken cancellationToken)
    {
        if (_display.IsNone)
        {
            return [];
        }

        var options = DisplayFactory.Options(_settings.Display, _display, expectTranslation: Translator is not null, _context.Environment.GetValueOrDefault("DISPLAY"));
        var display = await CaptionDisplay.StartAsync(options, clock.TimeProvider, _context.LoggerFactory);
        return [new DisplaySink(display, (p, _) =>
        {
            presented.Record(p.LineId, p.Version, p.PresentedAt);
            return ValueTask.CompletedTask;
        })];
    }

    public async ValueTask DisposeAsync()
    {
        Recognizer.Dispose();
        if (Translator is not null)
        {
            await Translator.DisposeAsync();
        }
    }
}
