using Captions.Native.OnnxRuntime;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;

namespace Captions.Vision.PaddleOcr;

/// <summary>
/// PP-OCRv4 DB text detection (ch_PP-OCRv4_det_infer.onnx): the frame scaled so its longer side is at most
/// <see cref="PaddleDetectorOptions.MaxSide"/>, both sides rounded to multiples of 32, normalised with ImageNet's
/// mean and std in BGR order; the probability map turned into boxes by <see cref="DbPostProcessor"/>.
/// </summary>
/// <remarks>
/// Boxes are rotated rectangles with corners ordered as the box lies in the image (PaddleOCR's get_mini_boxes:
/// top-left is the upper of the two leftmost corners); whether the text inside is upside down is for the angle
/// classifier to say.
/// Threading model: one <see cref="Detect"/> at a time (the tensors and scratch buffers belong to the instance).
/// Steady state: the input and output tensors are kept while frames keep the same size, so a camera stream
/// re-creates nothing; only the result list is allocated per call.
/// </remarks>
public sealed class PaddleTextDetector : ITextDetector
{
    /// <summary>The file name in the PP-OCR model directory.</summary>
    public const string ModelFileName = "ch_PP-OCRv4_det_infer.onnx";

    // PaddleOCR's NormalizeImage for detection, applied to B, G, R in that order.
    private static readonly float[] s_mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] s_std = [0.229f, 0.224f, 0.225f];

    private readonly OrtEnvironment _environment;
    private readonly InferenceSession _session;
    private readonly DbPostProcessor _postProcessor = new();
    private readonly OrtTensor[] _inputs = new OrtTensor[1];
    private readonly OrtTensor[] _outputs = new OrtTensor[1];
    private readonly List<TextRegion> _found = new(128);
    private OrtTensor<float>? _input;
    private OrtTensor<float>? _output;
    private int _tensorWidth;
    private int _tensorHeight;

    /// <summary>Opens the detection model at <paramref name="modelPath"/>.</summary>
    /// <exception cref="OcrModelException">The model is missing, unloadable, or not a DB detection model.</exception>
    public PaddleTextDetector(
        OrtEnvironment environment, string modelPath, PaddleDetectorOptions? options = null, InferenceSessionOptions? sessionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Options = options ?? PaddleDetectorOptions.Default;
        Options.Validate();
        _environment = environment;
        _session = OcrModel.Load(environment, modelPath, "detection", outputRank: 4, sessionOptions);
        ModelPath = _session.ModelPath;
    }

    /// <inheritdoc />
    public string Name => "ppocr";

    /// <inheritdoc />
    public int MaxRegions => Options.MaxRegions;

    /// <summary>The settings in use.</summary>
    public PaddleDetectorOptions Options { get; }

    /// <summary>Full path of the model.</summary>
    public string ModelPath { get; }

    /// <summary>Input tensor re-creations (frame size changes): a steady stream keeps this at 1.</summary>
    public int TensorAllocations { get; private set; }

    /// <summary>The detector's input size for a <paramref name="width"/> x <paramref name="height"/> frame.</summary>
    public (int Width, int Height) InputSize(int width, int height)
    {
        // DetResizeForTest, limit_type "max": scale down only, then round each side to a multiple of 32 (at least 32).
        double ratio = Math.Max(width, height) > Options.MaxSide ? (double)Options.MaxSide / Math.Max(width, height) : 1.0;
        int resizedWidth = (int)(width * ratio);
        int resizedHeight = (int)(height * ratio);
        return (RoundTo32(resizedWidth), RoundTo32(resizedHeight));
    }

    /// <inheritdoc />
    /// <exception cref="OnnxRuntimeException">ORT failed the run.</exception>
    public IReadOnlyList<TextRegion> Detect(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        (int width, int height) = InputSize(frame.Width, frame.Height);
        EnsureTensors(width, height);
        ImageTensor.ResizeNormalize(frame, width, height, _input!.Span, width, height, s_mean, s_std);
        _session.Run(_inputs, _outputs);

        _found.Clear();
        _postProcessor.Extract(_output!.Span, width, height, frame.Width, frame.Height, Options, _found);
        if (Options.MergeOverlappingLines)
        {
            LineMerger.Merge(_found);
        }

        if (_found.Count > Options.MaxRegions)
        {
            _found.Sort(static (a, b) => b.Score.CompareTo(a.Score));
            _found.RemoveRange(Options.MaxRegions, _found.Count - Options.MaxRegions);
        }

        var result = _found.ToArray();
        ReadingOrder.Sort(result);
        return result;
    }

    /// <summary>Releases the session and tensors.</summary>
    public void Dispose()
    {
        _session.Dispose();
        _input?.Dispose();
        _output?.Dispose();
    }

    private static int RoundTo32(int size) => Math.Max((int)Math.Round(size / 32.0) * 32, 32);

    private void EnsureTensors(int width, int height)
    {
        if (_input is not null && width == _tensorWidth && height == _tensorHeight)
        {
            return;
        }

        _input?.Dispose();
        _output?.Dispose();
        _input = null;
        _output = null;
        _input = OrtTensor<float>.Create(_environment, 1, 3, height, width);
        _output = OrtTensor<float>.Create(_environment, 1, 1, height, width);
        _inputs[0] = _input;
        _outputs[0] = _output;
        _tensorWidth = width;
        _tensorHeight = height;
        TensorAllocations++;
    }
}
