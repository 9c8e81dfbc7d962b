using Captions.Engine.Hosting;
using Captions.Native.OnnxRuntime;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;
using Microsoft.Extensions.Logging;

namespace Captions.Vision.PaddleOcr;

/// <summary>
/// The three PP-OCR models loaded once: <see cref="Detector"/>, <see cref="Classifier"/> and
/// <see cref="Recognizer"/> (which runs the classifier first unless disabled), and <see cref="ReadAll"/> for the
/// whole detect, crop, classify, recognise chain as PaddleOCR's TextSystem runs it.
/// </summary>
/// <remarks>Threading model: one call at a time across the engine (the recogniser shares the classifier).</remarks>
public sealed class PaddleOcrEngine : IDisposable
{
    private readonly PaddleTextDetector _detector;
    private readonly PaddleAngleClassifier? _classifier;
    private readonly PaddleTextRecognizer _recognizer;

    private PaddleOcrEngine(PaddleTextDetector detector, PaddleAngleClassifier? classifier, PaddleTextRecognizer recognizer, PaddleOcrOptions options)
    {
        _detector = detector;
        _classifier = classifier;
        _recognizer = recognizer;
        Options = options;
    }

    /// <summary>The settings in use.</summary>
    public PaddleOcrOptions Options { get; }

    /// <summary>DB text detection.</summary>
    public ITextDetector Detector => _detector;

    /// <summary>Line recognition (angle classification first when <see cref="PaddleOcrOptions.UseAngleClassifier"/>).</summary>
    public ITextRecognizer Recognizer => _recognizer;

    /// <summary>The angle classifier, or null when disabled.</summary>
    public PaddleAngleClassifier? Classifier => _classifier;

    /// <summary>Opens the models in <see cref="CaptionsPaths.OcrModelDirectory"/> with the ORT library the bootstrap fetched.</summary>
    /// <exception cref="OnnxRuntimeException">The ORT library cannot be loaded.</exception>
    /// <exception cref="OcrModelException">A model or the dictionary is missing or unusable.</exception>
    public static PaddleOcrEngine Open(CaptionsPaths paths, PaddleOcrOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Open(OrtEnvironment.GetOrCreate(paths.OnnxRuntimeLibraryPath, logger), paths.OcrModelDirectory, options);
    }

    /// <summary>
    /// Opens ch_PP-OCRv4_det_infer.onnx, ch_ppocr_mobile_v2.0_cls_infer.onnx (unless the classifier is disabled),
    /// ch_PP-OCRv4_rec_infer.onnx and ppocr_keys_v1.txt from <paramref name="modelDirectory"/>.
    /// </summary>
    /// <exception cref="OcrModelException">A file is missing or unusable; the message names it.</exception>
    public static PaddleOcrEngine Open(OrtEnvironment environment, string modelDirectory, PaddleOcrOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(modelDirectory);
        options ??= PaddleOcrOptions.Default;
        var sessionOptions = new InferenceSessionOptions { IntraOpThreads = options.IntraOpThreads };
        PaddleTextDetector? detector = null;
        PaddleAngleClassifier? classifier = null;
        try
        {
            detector = new PaddleTextDetector(
                environment, Path.Combine(modelDirectory, PaddleTextDetector.ModelFileName), options.Detector, sessionOptions);
            if (options.UseAngleClassifier)
            {
                classifier = new PaddleAngleClassifier(
                    environment, Path.Combine(modelDirectory, PaddleAngleClassifier.ModelFileName), options.AngleThreshold, sessionOptions);
            }

            var recognizer = new PaddleTextRecognizer(
                environment,
                Path.Combine(modelDirectory, PaddleTextRecognizer.ModelFileName),
                Path.Combine(modelDirectory, PaddleTextRecognizer.DictionaryFileName),
                classifier,
                options.MaxRecognitionWidth,
                sessionOptions);
            return new PaddleOcrEngine(detector, classifier, recognizer, options);
        }
        catch
        {
            detector?.Dispose();
            classifier?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Detects the lines of <paramref name="frame"/>, cuts each out upright, recognises it, and keeps the readings
    /// with confidence at least <see cref="PaddleOcrOptions.MinConfidence"/>, in reading order.
    /// </summary>
    public IReadOnlyList<OcrReading> ReadAll(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var regions = _detector.Detect(frame);
        var readings = new List<OcrReading>(regions.Count);
        foreach (TextRegion region in regions)
        {
            ImageFrame crop = CropExtractor.Extract(frame, region.Box);
            RecognizedText text = _recognizer.Recognize(crop);
            if (text.Text.Length > 0 && text.Confidence >= Options.MinConfidence)
            {
                readings.Add(new OcrReading(region, text));
            }
        }

        return readings;
    }

    /// <summary>Releases the three sessions.</summary>
    public void Dispose()
    {
        _detector.Dispose();
        _recognizer.Dispose();
        _classifier?.Dispose();
    }
}
