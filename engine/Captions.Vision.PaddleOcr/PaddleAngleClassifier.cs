using Captions.Native.OnnxRuntime;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;

namespace Captions.Vision.PaddleOcr;

/// <summary>
/// PP-OCR's text direction classifier (ch_ppocr_mobile_v2.0_cls_infer.onnx): is a text line crop upright (label
/// "0") or upside down ("180")? Crops are resized to height 48 keeping their aspect, at most 192 wide (right side
/// zero-padded), normalised <c>(x / 255 - 0.5) / 0.5</c> in BGR order, as PaddleOCR's ClsResizeImg does.
/// </summary>
/// <remarks>Threading model: one call at a time; the [1, 3, 48, 192] input and [1, 2] output are reused.</remarks>
public sealed class PaddleAngleClassifier : IDisposable
{
    /// <summary>The file name in the PP-OCR model directory.</summary>
    public const string ModelFileName = "ch_ppocr_mobile_v2.0_cls_infer.onnx";

    /// <summary>Input height.</summary>
    public const int InputHeight = 48;

    /// <summary>Input width (crops narrower are padded, wider are squeezed).</summary>
    public const int InputWidth = 192;

    private static readonly float[] s_half = [0.5f, 0.5f, 0.5f];

    private readonly InferenceSession _session;
    private readonly OrtTensor<float> _input;
    private readonly OrtTensor<float> _output;
    private readonly OrtTensor[] _inputs;
    private readonly OrtTensor[] _outputs;

    /// <summary>Opens the classifier at <paramref name="modelPath"/>.</summary>
    /// <param name="threshold">Probability of "180" above which <see cref="Straighten"/> turns a crop (PaddleOCR's cls_thresh 0.9).</param>
    /// <exception cref="OcrModelException">The model is missing, unloadable, or not a two-class classifier.</exception>
    public PaddleAngleClassifier(OrtEnvironment environment, string modelPath, float threshold = 0.9f, InferenceSessionOptions? sessionOptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1f);
        Threshold = threshold;
        _session = OcrModel.Load(environment, modelPath, "angle classification", outputRank: 2, sessionOptions);
        ModelPath = _session.ModelPath;
        var classes = _session.Outputs[0].Shape[1];
        if (classes is not (2 or -1))
        {
            string declared = _session.ToString();
            _session.Dispose();
            throw new OcrModelException(ModelPath, $"'{ModelPath}' is not the 0/180 angle classifier: it has {classes} classes, not 2 ({declared}).");
        }

        _input = OrtTensor<float>.Create(environment, 1, 3, InputHeight, InputWidth);
        _output = OrtTensor<float>.Create(environment, 1, 2);
        _inputs = [_input];
        _outputs = [_output];
    }

    /// <summary>Probability of "180" above which a crop is turned.</summary>
    public float Threshold { get; }

    /// <summary>Full path of the model.</summary>
    public string ModelPath { get; }

    /// <summary>Classifies <paramref name="crop"/>.</summary>
    /// <exception cref="OnnxRuntimeException">ORT failed the run.</exception>
    public TextAngle Classify(ImageFrame crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        int width = Math.Min(InputWidth, (int)Math.Ceiling(InputHeight * (double)crop.Width / crop.Height));
        width = Math.Max(1, width);
        _input.Span.Clear();
        ImageTensor.ResizeNormalize(crop, width, InputHeight, _input.Span, InputWidth, InputHeight, s_half, s_half);
        _session.Run(_inputs, _outputs);
        float upright = _output.Span[0];
        float upsideDown = _output.Span[1];
        return upsideDown > upright ? new TextAngle(true, upsideDown) : new TextAngle(false, upright);
    }

    /// <summary>
    /// <paramref name="crop"/> turned 180 degrees when the classifier says "180" with probability above
    /// <see cref="Threshold"/>; otherwise <paramref name="crop"/> itself.
    /// </summary>
    public ImageFrame Straighten(ImageFrame crop)
    {
        TextAngle angle = Classify(crop);
        return angle.IsUpsideDown && angle.Score > Threshold ? CropExtractor.Rotate180(crop) : crop;
    }

    /// <summary>Releases the session and tensors.</summary>
    public void Dispose()
    {
        _session.Dispose();
        _input.Dispose();
        _output.Dispose();
    }
}
