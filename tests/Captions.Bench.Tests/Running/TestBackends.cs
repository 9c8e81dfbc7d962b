using Captions.Bench.Running;
using Captions.Engine.Output;
using Captions.Engine.Speech;
using Captions.Engine.Timing;
using Captions.Engine.Translation;
using Captions.Engine.Vad;
using Captions.Speech.Sphinx;

namespace Captions.Bench.Tests.Running;

/// <summary>Real engines for runner tests: pocketsphinx (or a given recogniser) and the energy VAD.</summary>
internal sealed class TestBackends(ISpeechRecognizer recognizer) : IBenchBackends
{
    public string Description => $"{Recognizer.Name} recogniser, energy VAD";

    public ISpeechRecognizer Recognizer { get; } = recognizer;

    public IReadOnlySet<string>? Languages { get; init; }

    public ITranslator? Translator => null;

    public TranslatorStageOptions? Translation => null;

    public SpeechSegmenterOptions Segmenter { get; } = new();

    public static BenchConfiguration Sphinx(string name = "sphinx") =>
        new(name, _ => ValueTask.FromResult<IBenchBackends>(new TestBackends(new SphinxRecognizer())));

    public IVoiceActivityDetector CreateDetector() => new EnergyVoiceActivityDetector();

    public ValueTask<IReadOnlyList<ICaptionSink>> CreateSinksAsync(PipelineClock clock, PresentedLog presented, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ICaptionSink>>([]);

    public ValueTask DisposeAsync()
    {
        Recognizer.Dispose();
        return ValueTask.CompletedTask;
    }
}
