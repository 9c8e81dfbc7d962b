using Captions.Engine.Translation;
using Microsoft.Extensions.Logging;
using Captions.Engine.Audio;
using Captions.Engine.Output;
using Captions.Engine.Speech;
using Captions.Engine.Timing;
using Captions.Engine.Vad;

namespace Captions.Engine.Stages;

/// <summary>Everything one conversation-captioning run is made of. The run owns none of these; the caller disposes.</summary>
public sealed record ConversationOptions
{
    public required IAudioSource Source { get; init; }

    public required IVoiceActivityDetector Detector { get; init; }

    public required ISpeechRecognizer Recognizer { get; init; }

    public required IReadOnlyList<ICaptionSink> Sinks { get; init; }

    public required PipelineClock Clock { get; init; }

    public SpeechSegmenterOptions Segmenter { get; init; } = new();

    /// <summary>Translates captions between the recogniser and the outputs; null: no translation stage.</summary>
    public ITranslator? Translator { get; init; }

    /// <summary>Required with <see cref="Translator"/>: languages, pacing of partials, context, glossary.</summary>
    public TranslatorStageOptions? Translation { get; init; }

    /// <summary>Receives the translator stage's failure/recovery lines.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>After Ctrl+C, how long the recogniser and writers may take to finish before the run is cut.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Audio edge capacity in 20 ms frames. 150 = 3 s: a recogniser step may take that long before a live source
    /// starts losing (counted) frames; files just wait.
    /// </summary>
    public int AudioCapacity { get; init; } = 150;
}
