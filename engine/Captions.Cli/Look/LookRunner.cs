using System.Globalization;
using Captions.Cli.Commands;
using Captions.Cli.Configuration;
using Captions.Cli.Display;
using Captions.Engine.Hosting;
using Captions.Engine.Timing;
using Captions.Engine.Translation;
using Captions.Renderer.OpenGL.Hosting;
using Captions.Vision.Display;
using Captions.Vision.Frames;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;
using Captions.Vision.Output;
using Captions.Vision.PaddleOcr;
using Captions.Vision.Signs;
using Captions.Vision.Tesseract;
using Microsoft.Extensions.Logging;

namespace Captions.Cli.Look;

/// <summary>
/// Runs `captions look`: opens the frame source and the OCR engines, runs the sign pipeline, and sends each snapshot to
/// the terminal, the events file and the glasses.
/// </summary>
/// <remarks>Threading model: one run per instance; the snapshot loop is the only writer of every output.</remarks>
internal sealed class LookRunner
{
    private readonly CliContext _context;
    private readonly CaptionsSettings _settings;

    public LookRunner(CliContext context, CaptionsSettings settings)
    {
        _context = context;
        _settings = settings;
    }

    public async Task<int> RunAsync(LookRequest request, CancellationToken stopToken)
    {
        var clock = new PipelineClock(TimeProvider.System);
        var paths = new CaptionsPaths(name => _context.Environment.GetValueOrDefault(name));
        var vision = _settings.Vision;
        var from = _settings.Translation.From;
        IFrameSource? source = null;
        PaddleOcrEngine? paddle = null;
        TesseractRecognizers? tesseract = null;
        ITranslator? translator = null;
        SignEventWriter? events = null;
        CaptionDisplay? display = null;
        try
        {
            source = FrameSourceFactory.Open(request.Input, new FrameSourceOptions
            {
                PhotoInterval = TimeSpan.FromMilliseconds(vision.PhotoIntervalMs),
                Paced = !request.Fast,
                CameraInputArguments = request.CameraInputArguments,
                PhotoSkipped = skipped => _context.Error.WriteLine($"captions: skipped {skipped.Message}"),
            }, clock.TimeProvider);

            var recognizer = CreateRecognizer(paths, from, out paddle, out tesseract, out var detector);
            if (_settings.Translation.To is not null)
            {
                translator = new TranslationEngines(_context, _settings).Create(from, out var notice);
                if (notice is not null)
                {
                    _context.Error.WriteLine($"captions: {notice}");
                }
            }

            if (request.Events is not null)
            {
                events = SignEventWriter.Create(request.Events, clock);
            }

            if (!request.Display.IsNone)
            {
                var options = DisplayFactory.Options(
                    _settings.Display, request.Display, expectTranslation: translator is not null, _context.Environment.GetValueOrDefault("DISPLAY"));
                display = await CaptionDisplay.StartAsync(options, clock.TimeProvider, _context.LoggerFactory);
            }

            // Video and camera frames are one moving scene; photos are separate looks.
            var continuous = source.IsLive || source is FfmpegVideoSource;
            var pipeline = new SignPipeline(
                new SignPipelineOptions
                {
                    SourceLanguage = from,
                    TargetLanguage = _settings.Translation.To ?? "en",
                    Menu = vision.Menu,

                    // A photo is one look: its first reading is the reading. Video and camera frames vote.
                    Votes = continuous ? vision.Votes : 1,
                    Crop = RecognitionProfile.Crop(vision.Ocr, from),

                    // The 0.5 floor is PaddleOCR's drop_score, on PP-OCR's character probabilities. Tesseract's mean
                    // confidence is another scale: on the synthetic es and de menus a dotted-leader price line
                    // ("........9,75 €", read right) scores under 0.3 and would vanish. Tesseract's own flat-crop check
                    // keeps blank regions out.
                    MinConfidence = RecognitionProfile.MinConfidence(vision.Ocr, from),

                    // Photos in a folder are unrelated scenes: what the last one showed leaves with it.
                    RetireAfterFrames = continuous ? vision.RetireAfterFrames : 1,
                    MaxRegions = vision.MaxRegions,
                },
                detector,
                recognizer,
                translator,
                new TranslationCache(),
                clock.TimeProvider,
                _context.LoggerFactory.CreateLogger("Captions.Vision"));

            var printer = new SignTerminalPrinter(_context.Output, request.Terminal);
            SignOverlayMapper? mapper = null;
            SignSnapshot? last = null;
            long changedBeforeLastSet = 0;
            await foreach (var snapshot in pipeline.RunAsync(source, stopToken))
            {
                if (last is null || snapshot.FrameWidth != last.FrameWidth || snapshot.FrameHeight != last.FrameHeight)
                {
                    var calibration = CameraCalibration.Parse(
                        vision.Calibration, snapshot.FrameWidth, snapshot.FrameHeight, display?.Options.Display.EyeWidth ?? 1920, display?.Options.Display.EyeHeight ?? 1080);
                    mapper = new SignOverlayMapper(calibration);
                    if (events is not null)
                    {
                        events.Calibration = calibration;
                    }
                }

                events?.Write(snapshot);
                if (display is not null)
                {
                    changedBeforeLastSet = display.FramesChanged;
                    display.Scenes.SetOverlays(mapper!.Map(snapshot));
                }

                printer.Print(snapshot);
                last = snapshot;
            }

            events?.Complete(pipeline.DroppedFrames);
            if (display is not null)
            {
                await ShowLastOverlaysAsync(display, request.Display, changedBeforeLastSet, stopToken);
            }

            Report(pipeline, source, request, events, mapper);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (Describe(ex, request.Input) is { } message)
        {
            _context.Error.WriteLine($"captions: {message}");
            return ExitCodes.Failure;
        }
        finally
        {
            if (display is not null)
            {
                await display.DisposeAsync();
            }

            events?.Dispose();
            if (translator is not null)
            {
                await translator.DisposeAsync();
            }

            if (source is not null)
            {
                await source.DisposeAsync();
            }

            tesseract?.Dispose();
            paddle?.Dispose();
        }
    }

    /// <summary>
    /// The recogniser the configuration asks for: PP-OCR alone, Tesseract alone (for the source language, English
    /// when auto), or PP-OCR routed to Tesseract for the scripts its dictionary lacks (auto).
    /// </summary>
    private ITextRecognizer CreateRecognizer(
        CaptionsPaths paths, string from, out PaddleOcrEngine paddle, out TesseractRecognizers? tesseract, out ITextDetector detector)
    {
        var vision = _settings.Vision;
        paddle = PaddleOcrEngine.Open(
            paths,
            new PaddleOcrOptions { Detector = PaddleDetectorOptions.Default with { MaxSide = vision.DetectionMaxSide, MaxRegions = vision.MaxRegions } },
            _context.LoggerFactory.CreateLogger("Captions.Vision.PaddleOcr"));
        detector = paddle.Detector;
        tesseract = null;
        switch (vision.Ocr)
        {
            case "ppocr":
                return paddle.Recognizer;
            case "tesseract":
                tesseract = new TesseractRecognizers(CaptionsPaths.TesseractDataDirectory);
                var language = from == "auto" ? "en" : from;
                return tesseract.ForLanguage(language) ?? throw new FrameSourceException(
                    $"--ocr tesseract: no Tesseract data for '{language}' in {CaptionsPaths.TesseractDataDirectory} ({string.Join("; ", tesseract.Unavailable.Select(u => $"{u.Key}: {u.Value}"))})");
            default:
                tesseract = new TesseractRecognizers(CaptionsPaths.TesseractDataDirectory);
                return new OcrLanguageRouter(paddle.Recognizer, tesseract.ForLanguage, from);
        }
    }

    /// <summary>
    /// The input ended: make sure the glasses drew the last overlays (a photo run is over in a second). A PNG recorder
    /// stops once that frame is written; a window keeps showing them until Ctrl+C.
    /// </summary>
    private async Task ShowLastOverlaysAsync(CaptionDisplay display, DisplayTarget target, long changedBefore, CancellationToken stopToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            while (display.FramesChanged <= changedBefore && !display.Completion.IsCompleted)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), deadline.Token);
            }

            if (target.PngDirectory is null && target.Layout != Renderer.OpenGL.DisplayLayout.Headless && !display.Completion.IsCompleted)
            {
                _context.Error.WriteLine("captions: input ended; the glasses keep showing the last overlays until Ctrl+C");
                await Task.WhenAny(display.Completion, Task.Delay(Timeout.InfiniteTimeSpan, stopToken));
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C, or the last frame took over 5 s (the display reports its own failure).
        }
    }

    private void Report(SignPipeline pipeline, IFrameSource source, LookRequest request, SignEventWriter? events, SignOverlayMapper? mapper)
    {
        _context.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"captions: {source.Description}: {pipeline.Frames} frames, {pipeline.Recognitions} crops recognised, {pipeline.TranslationRequests} translation requests ({pipeline.CacheHits} from cache), {pipeline.DroppedFrames} frames dropped"));
        if (mapper is { Truncated: > 0 })
        {
            _context.Error.WriteLine($"captions: {mapper.Truncated} overlays left out (the glasses show at most 16 at once)");
        }

        if (events is not null && request.Events is not null)
        {
            _context.Error.WriteLine($"captions: wrote {request.Events}");
        }
    }

    /// <summary>The vision failures with their own message; the rest as `listen` describes them (files, models, display).</summary>
    private static string? Describe(Exception ex, string input) => ex switch
    {
        FrameSourceException => ex.Message,
        OcrModelException => ex.Message,
        Native.Tesseract.TesseractException => ex.Message,
        _ => ConversationRunner.Describe(ex, input),
    };
}
