using Captions.Engine.Output;
using Captions.Engine.Speech;
using Captions.Engine.Timing;
using Captions.Engine.Translation;
using Captions.Engine.Vad;

namespace Captions.Bench.Running;

/// <summary>
/// The engines of one configuration, loaded once and shared by every item of the corpus (as in a live session that
/// captions one talk after another). The host (the CLI) builds them from settings; the runner only plays audio.
/// </summary>
public interface IBenchBackends : IAsyncDisposable
{
    /// <summary>One line naming the engines ("sphinx recogniser, energy VAD, apertium en->es").</summary>
    string Description { get; }

    ISpeechRecognizer Recognizer { get; }

    /// <summary>
    /// Languages the recogniser is set to hear (ISO 639-1), or null for any (language detection). Items in other
    /// languages are skipped with a note: an English-only model fed Spanish measures nothing useful.
    /// </summary>
    IReadOnlySet<string>? Languages { get; }

    /// <summary>Null: captions stay in the spoken language.</summary>
    ITranslator? Translator { get; }

    /// <summary>Required with <see cref="Translator"/>.</summary>
    TranslatorStageOptions? Translation { get; }

    SpeechSegmenterOptions Segmenter { get; }

    /// <summary>A fresh detector for one item (detectors keep state across frames); the runner disposes it.</summary>
    IVoiceActivityDetector CreateDetector();

    /// <summary>
    /// Extra outputs for one item, e.g. a display whose first-presented frames go to <paramref name="presented"/>;
    /// the pipeline completes and disposes them.
    /// </summary>
    ValueTask<IReadOnlyList<ICaptionSink>> CreateSinksAsync(PipelineClock clock, PresentedLog presented, CancellationToken cancellationToken);
}
