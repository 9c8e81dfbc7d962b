using System.Globalization;
using Captions.Cli.Configuration;
using Captions.Cli.Display;
using Captions.Cli.Terminal;
using Captions.Engine.Audio;
using Captions.Engine.Output;
using Captions.Engine.Speech;
using Captions.Engine.Stages;
using Captions.Engine.Timing;
using Captions.Engine.Vad;
using Captions.Native.PocketSphinx;
using Captions.Renderer.OpenGL;
using Captions.Renderer.OpenGL.Hosting;
using Captions.Renderer.Text;
using Microsoft.Extensions.Logging;

namespace Captions.Cli.Commands;

/// <summary>
/// Runs one conversation-captioning job from settings: opens the input (so a bad file fails before any output file
/// exists), loads the recogniser, opens the outputs, runs the pipeline, and reports. Every expected failure becomes one
/// line on stderr naming the input and the problem, and a non-zero exit code.
/// </summary>
internal sealed class ConversationRunner
{
    private readonly CliContext _context;
    private readonly CaptionsSettings _settings;

    public ConversationRunner(CliContext context, CaptionsSettings settings)
    {
        _context = context;
        _settings = settings;
    }

    /// <summary>Loads the configured recogniser (the caller owns it), printing why "auto" fell back, if it did.</summary>
    public ISpeechRecognizer CreateRecognizer()
    {
        var recognizer = new SpeechEngines(_context, _settings).CreateRecognizer(out var notice);
        if (notice is not null)
        {
            _context.Error.WriteLine($"captions: {notice}");
        }

        return recognizer;
    }

    /// <param name="request">Input and outputs.</param>
    /// <param name="stopToken">Ctrl+C: stops the input; everything downstream drains.</param>
    /// <param name="extraSinks">More outputs (the demo's transcript).</param>
    /// <param name="sharedRecognizer">
    /// A recogniser that outlives this run (the caller disposes it), as in a live session that captions one talk after
    /// another; null loads one for this run.
    /// </param>
    public async Task<ConversationOutcome> RunAsync(
        ListenRequest request,
        CancellationToken stopToken,
        IReadOnlyList<ICaptionSink>? extraSinks = null,
        ISpeechRecognizer? sharedRecognizer = null)
    {
        var clock = new PipelineClock(TimeProvider.System);
        IAudioSource? source = null;
        ISpeechRecognizer? owned = null;
        IVoiceActivityDetector? detector = null;
        Engine.Translation.ITranslator? translator = null;
        var sinks = new List<ICaptionSink>();
        DisplaySink? displaySink = null;
        try
        {
            source = OpenSource(request.Input, clock);
            var recognizer = sharedRecognizer ?? (owned = CreateRecognizer());
            detector = new SpeechEngines(_context, _settings).CreateDetector(out var vadNotice);
            if (vadNotice is not null)
            {
                _context.Error.WriteLine($"captions: {vadNotice}");
            }

            var spoken = SpokenLanguage(_settings, recognizer.Name);
            translator = new TranslationEngines(_context, _settings).Create(spoken, out var mtNotice);
            if (mtNotice is not null)
            {
                _context.Error.WriteLine($"captions: {mtNotice}");
            }

            var translation = translator is null ? null : TranslationOptions(_settings, spoken);

            if (request.Terminal)
            {
                sinks.Add(new TerminalCaptionSink(_context.Output, _context.OutputIsTerminal, () => SafeWindowWidth()));
            }

            var layout = new SubtitleWriterOptions { Layout = new CaptionTextLayout(_settings.Output.MaxLineLength, _settings.Output.MaxLines) };
            if (request.Srt is not null)
            {
                sinks.Add(SrtWriter.Create(request.Srt, layout));
            }

            if (request.Vtt is not null)
            {
                sinks.Add(WebVttWriter.Create(request.Vtt, layout));
            }

            JsonLinesEventWriter? events = null;
            if (request.Events is not null)
            {
                sinks.Add(events = JsonLinesEventWriter.Create(request.Events, clock));
            }

            if (!request.Display.IsNone)
            {
                // First in line: it completes before the events file, so the last presented records still reach it.
                var displayOptions = DisplayFactory.Options(
                    _settings.Display, request.Display, expectTranslation: translator is not null, _context.Environment.GetValueOrDefault("DISPLAY"));
                CaptionDisplay? display = null;
                try
                {
                    display = await CaptionDisplay.StartAsync(displayOptions, clock.TimeProvider, _context.LoggerFactory);
                }
                catch (Exception ex) when (request.DisplayOptional && ex is GraphicsUnavailableException or FontNotFoundException)
                {
                    _context.Error.WriteLine($"captions: display unavailable, captioning without it: {ex.Message}");
                }

                if (display is not null)
                {
                    sinks.Insert(0, displaySink = new DisplaySink(display, events));
                }
            }

            if (extraSinks is not null)
            {
                sinks.AddRange(extraSinks);
            }

            var options = new ConversationOptions
            {
                Source = source,
                Detector = detector,
                Recognizer = recognizer,
                Sinks = [.. sinks],
                Clock = clock,
                Translator = translator,
                Translation = translation,
                Logger = _context.LoggerFactory.CreateLogger("Captions.Translation"),
                Segmenter = SegmenterOptions(_settings),
            };

            // From here the pipeline's output stage owns the sinks: it completes and disposes them however the run ends.
            sinks.Clear();
            var result = await ConversationPipeline.RunAsync(options, stopToken);
            Report(request, result, recognizer.Name, detector.Name);
            if (displaySink is not null)
            {
                ReportDisplay(request.Display, displaySink.Display);
            }

            return new ConversationOutcome(ExitCodes.Success, result);
        }
        catch (Exception ex) when (Describe(ex, request.Input) is { } message)
        {
            _context.Error.WriteLine($"captions: {message}");
            return new ConversationOutcome(ExitCodes.Failure, null);
        }
        finally
        {
            // Sinks opened before a failure that kept the pipeline from starting: close them so files stay valid.
            foreach (var sink in sinks)
            {
                await sink.CompleteAsync(CancellationToken.None);
                await sink.DisposeAsync();
            }

            owned?.Dispose();
            if (translator is not null)
            {
                await translator.DisposeAsync();
            }

            (detector as IDisposable)?.Dispose();
            if (source is not null)
            {
                await source.DisposeAsync();
            }
        }
    }

    /// <summary>The language the configured recogniser hears (whisper's setting; pocketsphinx is English only).</summary>
    internal static string SpokenLanguage(CaptionsSettings settings, string recognizer) => recognizer == "whisper" ? settings.Whisper.Language : "en";

    /// <summary>The translator stage's options from settings (the translator itself comes from <see cref="TranslationEngines"/>).</summary>
    internal static Engine.Translation.TranslatorStageOptions TranslationOptions(CaptionsSettings settings, string spoken) => new()
    {
        SourceLanguage = settings.Translation.From == "auto" ? spoken : settings.Translation.From,
        TargetLanguage = settings.Translation.To!,
        PartialInterval = TimeSpan.FromMilliseconds(settings.Translation.PartialIntervalMs),
        CommittedTimeout = TimeSpan.FromMilliseconds(settings.Translation.CommittedTimeoutMs),
        Glossary = settings.Translation.Glossary is { } glossary ? Engine.Translation.Glossary.Load(glossary) : Engine.Translation.Glossary.Empty,
    };

    /// <summary>The VAD segmenter's options from settings.</summary>
    internal static SpeechSegmenterOptions SegmenterOptions(CaptionsSettings settings) => new()
    {
        MinSpeech = TimeSpan.FromMilliseconds(settings.Vad.MinSpeechMs),
        Hangover = TimeSpan.FromMilliseconds(settings.Vad.HangoverMs),
        PreRoll = TimeSpan.FromMilliseconds(settings.Vad.PreRollMs),
        MaxUtterance = TimeSpan.FromSeconds(settings.Vad.MaxUtteranceSeconds),
    };

    private IAudioSource OpenSource(string input, PipelineClock clock)
    {
        if (input == "-")
        {
            return new PcmStreamSource(
                _context.StandardInput, "stdin", _settings.Input.RawSampleRate, _settings.Input.RawChannels, clock, isLive: false);
        }

        if (input == "mic" || input.StartsWith("mic:", StringComparison.Ordinal))
        {
            var device = input.Length > 4 ? input[4..] : "default";
            return new FfmpegCaptureSource(_settings.Input.MicrophoneBackend, device, clock);
        }

        if (Directory.Exists(input))
        {
            throw new FileNotFoundException($"input '{input}' is a directory, not a WAV file", input);
        }

        if (!File.Exists(input))
        {
            throw new FileNotFoundException($"input '{input}' does not exist", input);
        }

        var pacing = _settings.Pacing == "fast" ? AudioPacing.Fast : AudioPacing.RealTime;
        return new WavFileSource(input, pacing, clock);
    }

    private void Report(ListenRequest request, ConversationResult result, string recognizer, string detector)
    {
        var dropped = result.Pipeline.TotalDropped;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"captions: {request.Input}: {result.AudioDuration.TotalSeconds:0.0} s of audio in {result.WallTime.TotalSeconds:0.00} s (real-time factor {result.RealTimeFactor:0.000}), {result.Utterances} utterances, {result.CaptionVersions} caption versions, {dropped} frames dropped ({recognizer} recogniser, {detector} VAD)");
        _context.Error.WriteLine(line);
        if (result.TranslationRequests + result.TranslationCacheHits > 0)
        {
            _context.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"captions: translation: {result.TranslationRequests} requests, {result.TranslationCacheHits} from cache, {result.TranslationFailures} failed (those lines went out untranslated)"));
        }

        if (result.Pipeline.Stopped)
        {
            _context.Error.WriteLine(result.Pipeline.DrainTimedOut
                ? "captions: stopped; draining took too long and was cut short"
                : "captions: stopped; outputs closed cleanly");
        }

        foreach (var file in new[] { request.Srt, request.Vtt, request.Events })
        {
            if (file is not null)
            {
                _context.Error.WriteLine($"captions: wrote {file}");
            }
        }
    }

    private void ReportDisplay(DisplayTarget target, CaptionDisplay display)
    {
        var where = target.PngDirectory is { } directory
            ? $"{display.FramesWritten} PNG frames in {directory} ({display.FramesDropped} changed frames dropped while the writer was busy)"
            : $"{target.Layout} display";
        _context.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"captions: display: {display.FramesPresented} frames, {display.FramesChanged} with new content; {where}"));
    }

    /// <summary>The one-line message for an expected failure, or null to let an unexpected one surface.</summary>
    internal static string? Describe(Exception ex, string input)
    {
        if (ex is Engine.Pipeline.PipelineFaultedException { InnerException: { } inner })
        {
            return Describe(inner, input) ?? $"{input}: {inner.Message}";
        }

        return ex switch
        {
            AudioFormatException => ex.Message,
            AudioDeviceException => ex.Message,
            FileNotFoundException => ex.Message,
            DirectoryNotFoundException => ex.Message,
            UnauthorizedAccessException => $"{input}: {ex.Message}",
            PocketSphinxException => ex.Message,
            Native.Whisper.WhisperModelException => ex.Message,
            Native.Whisper.WhisperLayoutException => ex.Message,
            Native.OnnxRuntime.OnnxRuntimeException => ex.Message,
            Vad.Silero.SileroModelException => ex.Message,
            Engine.Models.UnknownModelException => ex.Message,
            IOException => ex.Message,
            SettingsException => ex.Message,
            Engine.Translation.TranslationException => ex.Message,
            FormatException => ex.Message,
            GraphicsUnavailableException => $"display: {ex.Message}",
            FontNotFoundException => ex.Message,
            Native.FreeType.FreeTypeException => ex.Message,
            GLException => $"display: {ex.Message}",
            _ => null,
        };
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}
