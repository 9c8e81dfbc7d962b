using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Engine.Pipeline;
using Captions.Engine.Speech;
using Captions.Engine.Translation;
using Captions.Engine.Vad;

namespace Captions.Engine.Stages;

/// <summary>
/// Conversation captions: source -> audio edge -> VAD -> speech edge -> recogniser -> caption edge -> sinks.
/// <code>
///   [capture] --audio (Wait, 3 s)--> [vad] --speech (Wait, 3 s)--> [asr] --captions (Wait, 64)--> [outputs]
/// </code>
/// With a translator, [mt] sits between [asr] and [outputs] on a second caption edge (Wait, 64).
/// Live sources get a bounded write wait on the audio edge: frames they cannot hand over in time are dropped and
/// counted, never silently lost inside the device.
/// </summary>
public static class ConversationPipeline
{
    public static async Task<ConversationResult> RunAsync(ConversationOptions options, CancellationToken stopToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = options.Clock;
        var builder = new PipelineBuilder(clock) { DrainTimeout = options.DrainTimeout };
        var audioOptions = EdgeOptions.Audio("audio", options.AudioCapacity);
        if (options.Source.IsLive)
        {
            audioOptions = audioOptions with { MaxWriteWait = AudioFormat.FrameDuration * options.AudioCapacity };
        }

        var audio = builder.AddEdge<AudioFrame>(audioOptions, static f => f.Release());
        var speech = builder.AddEdge<SpeechFrame>(EdgeOptions.Audio("speech", options.AudioCapacity), static f => f.Release());
        var captions = builder.AddEdge<CaptionLine>(EdgeOptions.Messages("captions"));

        var vad = new VadStage(options.Detector, new SpeechSegmenter(options.Segmenter with { FrameDuration = AudioFormat.FrameDuration }), clock);
        var asr = new RecognizerStage(options.Recognizer, clock, builder.Metrics);
        var outputs = new CaptionSinkStage(options.Sinks);
        builder.AddSource("capture", audio, options.Source.RunAsync);
        builder.AddTransform<AudioFrame, SpeechFrame>("vad", audio, speech, vad.RunAsync);
        builder.AddTransform<SpeechFrame, CaptionLine>("asr", speech, captions, asr.RunAsync);
        TranslatorStage? mt = null;
        if (options.Translator is { } translator)
        {
            var translation = options.Translation ?? throw new ArgumentException("ConversationOptions.Translation is required with a Translator", nameof(options));
            var translated = builder.AddEdge<CaptionLine>(EdgeOptions.Messages("translated"));
            mt = new TranslatorStage(translator, translation, clock, options.Logger);
            builder.AddTransform<CaptionLine, CaptionLine>("mt", captions, translated, mt.RunAsync);
            captions = translated;
        }

        builder.AddSink<CaptionLine>("outputs", captions, outputs.RunAsync);

        var started = clock.Now();
        using var pipeline = builder.Build();
        var result = await pipeline.RunAsync(stopToken).ConfigureAwait(false);
        var wall = clock.TimeProvider.GetElapsedTime(started);
        return new ConversationResult(
            result,
            AudioFormat.FrameDuration * vad.Frames,
            wall,
            vad.Utterances,
            outputs.LinesWritten)
        {
            TranslationRequests = mt?.Requests ?? 0,
            TranslationFailures = mt?.Failures ?? 0,
            TranslationCacheHits = mt?.Cache.Hits ?? 0,
            VadBusy = vad.BusyTime,
            AsrBusy = asr.BusyTime,
            MtBusy = mt?.BusyTime ?? TimeSpan.Zero,
        };
    }
}
