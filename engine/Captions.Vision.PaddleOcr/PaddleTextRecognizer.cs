using System.Text;
using Captions.Native.OnnxRuntime;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;

namespace Captions.Vision.PaddleOcr;

/// <summary>
/// PP-OCRv4 line recognition (ch_PP-OCRv4_rec_infer.onnx, SVTR-LCNet with a CTC head) and its dictionary
/// (ppocr_keys_v1.txt: 6,623 characters, Chinese and Latin). Preprocessing is PaddleOCR's <c>resize_norm_img</c>
/// for rec_image_shape 3x48x320: height 48, width proportional (<c>ceil(48 * w / h)</c>), normalised
/// <c>(x / 255 - 0.5) / 0.5</c> in BGR order, zero-padded on the right to at least 320. Decoding is CTC greedy
/// (<c>CTCLabelDecode</c>): the most likely class per time step, repeats merged, blank (class 0) dropped; classes
/// are blank, the dictionary's lines, then a space. Whitespace at either end is trimmed. Confidence is the mean
/// probability of the characters kept.
/// </summary>
/// <remarks>
/// Threading model: one <see cref="Recognize"/> at a time. Input widths are padded up to a multiple of 32 so that a
/// few tensor pairs (kept, at most <see cref="MaxCachedWidths"/>) serve every crop; steady state allocates only the
/// result string.
/// </remarks>
public sealed class PaddleTextRecognizer : ITextRecognizer
{
    /// <summary>The model's file name in the PP-OCR model directory.</summary>
    public const string ModelFileName = "ch_PP-OCRv4_rec_infer.onnx";

    /// <summary>The dictionary's file name in the PP-OCR model directory.</summary>
    public const string DictionaryFileName = "ppocr_keys_v1.txt";

    /// <summary>Input height.</summary>
    public const int InputHeight = 48;

    /// <summary>Narrowest input (PaddleOCR's rec_image_shape width): shorter lines are padded.</summary>
    public const int MinInputWidth = 320;

    /// <summary>Engine name in <see cref="RecognizedText.Engine"/>.</summary>
    public const string EngineName = "ppocr";

    /// <summary>Input widths whose tensors are kept.</summary>
    public const int MaxCachedWidths = 6;

    // SVTR-LCNet reduces width by 8: a 320-wide input gives 40 time steps.
    private const int WidthPerStep = 8;

    private static readonly float[] s_half = [0.5f, 0.5f, 0.5f];

    private readonly OrtEnvironment _environment;
    private readonly InferenceSession _session;
    private readonly string[] _characters;
    private readonly PaddleAngleClassifier? _classifier;
    private readonly Dictionary<int, (OrtTensor<float> Input, OrtTensor<float> Output, OrtTensor[] Inputs, OrtTensor[] Outputs)> _tensors = [];
    private readonly StringBuilder _text = new(64);
    private readonly List<(int Class, float Probability)> _emitted = new(64);

    /// <summary>Opens the model and dictionary.</summary>
    /// <param name="classifier">When given, every crop goes through <see cref="PaddleAngleClassifier.Straighten"/>
    /// first; the caller keeps ownership.</param>
    /// <param name="maxInputWidth">Widest input; longer lines are squeezed to it (48 * 40 = 1,920 by default: a line
    /// 40 times longer than tall).</param>
    /// <exception cref="OcrModelException">A file is missing or unusable, or the dictionary does not match the model's classes.</exception>
    public PaddleTextRecognizer(
        OrtEnvironment environment,
        string modelPath,
        string dictionaryPath,
        PaddleAngleClassifier? classifier = null,
        int maxInputWidth = 1920,
        InferenceSessionOptions? sessionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(dictionaryPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInputWidth, MinInputWidth);
        _environment = environment;
        _classifier = classifier;
        MaxInputWidth = maxInputWidth / 32 * 32;
        DictionaryPath = Path.GetFullPath(dictionaryPath);
        _characters = LoadCharacters(DictionaryPath);
        _session = OcrModel.Load(environment, modelPath, "recognition", outputRank: 3, sessionOptions);
        ModelPath = _session.ModelPath;
        long classes = _session.Outputs[0].Shape[2];
        if (classes != -1 && classes != _characters.Length)
        {
            _session.Dispose();
            throw new OcrModelException(
                DictionaryPath,
                $"Dictionary '{DictionaryPath}' has {_characters.Length - 2} characters but the recognition model '{ModelPath}' outputs {classes} classes "
                + $"(characters + blank + space = {_characters.Length}): wrong dictionary for this model.");
        }
    }

    /// <inheritdoc />
    public string Name => EngineName;

    /// <summary>Full path of the model.</summary>
    public string ModelPath { get; }

    /// <summary>Full path of the dictionary.</summary>
    public string DictionaryPath { get; }

    /// <summary>Widest input in pixels.</summary>
    public int MaxInputWidth { get; }

    /// <summary>Classes the decoder knows: blank + dictionary + space (6,625 for ppocr_keys_v1.txt).</summary>
    public int ClassCount => _characters.Length;

    /// <inheritdoc />
    /// <exception cref="OnnxRuntimeException">ORT failed the run.</exception>
    public RecognizedText Recognize(ImageFrame crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        if (_classifier is not null)
        {
            crop = _classifier.Straighten(crop);
        }

        int resizedWidth = (int)Math.Ceiling(InputHeight * (double)crop.Width / crop.Height);
        resizedWidth = Math.Clamp(resizedWidth, 1, MaxInputWidth);
        int inputWidth = Math.Max(MinInputWidth, (resizedWidth + 31) / 32 * 32);
        var tensors = TensorsFor(inputWidth);
        ImageTensor.ResizeNormalize(crop, resizedWidth, InputHeight, tensors.Input.Span, inputWidth, InputHeight, s_half, s_half);
        ImageTensor.ClearRight(tensors.Input.Span, resizedWidth, inputWidth, InputHeight);
        _session.Run(tensors.Inputs, tensors.Outputs);
        return Decode(tensors.Output.Span, inputWidth / WidthPerStep);
    }

    /// <summary>Releases the session and tensors (not the classifier, which the caller owns).</summary>
    public void Dispose()
    {
        _session.Dispose();
        foreach (var pair in _tensors.Values)
        {
            pair.Input.Dispose();
            pair.Output.Dispose();
        }

        _tensors.Clear();
    }

    private static string[] LoadCharacters(string path)
    {
        if (!File.Exists(path))
        {
            throw new OcrModelException(path, $"PP-OCR dictionary '{path}' does not exist: run ./scripts/bootstrap.sh");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException ex)
        {
            throw new OcrModelException(path, $"PP-OCR dictionary '{path}' is not UTF-8 text: {ex.Message}", ex);
        }

        if (lines.Length == 0)
        {
            throw new OcrModelException(path, $"PP-OCR dictionary '{path}' is empty.");
        }

        // CTCLabelDecode: ["blank"] + one character per line + " " (use_space_char).
        var characters = new string[lines.Length + 2];
        characters[0] = "";
        lines.CopyTo(characters, 1);
        characters[^1] = " ";
        return characters;
    }

    private (OrtTensor<float> Input, OrtTensor<float> Output, OrtTensor[] Inputs, OrtTensor[] Outputs) TensorsFor(int width)
    {
        if (_tensors.TryGetValue(width, out var cached))
        {
            return cached;
        }

        if (_tensors.Count >= MaxCachedWidths)
        {
            // Keep the narrowest (most frequent: single words and short lines); drop the widest.
            int widest = _tensors.Keys.Max();
            var old = _tensors[widest];
            old.Input.Dispose();
            old.Output.Dispose();
            _tensors.Remove(widest);
        }

        var input = OrtTensor<float>.Create(_environment, 1, 3, InputHeight, width);
        OrtTensor<float> output;
        try
        {
            output = OrtTensor<float>.Create(_environment, 1, width / WidthPerStep, _characters.Length);
        }
        catch
        {
            input.Dispose();
            throw;
        }

        var entry = (input, output, new OrtTensor[] { input }, new OrtTensor[] { output });
        _tensors[width] = entry;
        return entry;
    }

    private RecognizedText Decode(ReadOnlySpan<float> probabilities, int steps)
    {
        int classes = _characters.Length;
        _emitted.Clear();
        int previous = -1;
        for (int t = 0; t < steps; t++)
        {
            ReadOnlySpan<float> row = probabilities.Slice(t * classes, classes);
            int best = 0;
            float bestProbability = row[0];
            for (int c = 1; c < classes; c++)
            {
                if (row[c] > bestProbability)
                {
                    best = c;
                    bestProbability = row[c];
                }
            }

            if (best != 0 && best != previous)
            {
                _emitted.Add((best, bestProbability));
            }

            previous = best;
        }

        // Whitespace at the ends (the space class, or U+3000 that the model reads in a crop's blank margin) says
        // nothing: dropped, and not counted in the confidence.
        int first = 0;
        int last = _emitted.Count - 1;
        while (first <= last && string.IsNullOrWhiteSpace(_characters[_emitted[first].Class]))
        {
            first++;
        }

        while (last >= first && string.IsNullOrWhiteSpace(_characters[_emitted[last].Class]))
        {
            last--;
        }

        if (first > last)
        {
            return RecognizedText.Empty(EngineName);
        }

        _text.Clear();
        double confidence = 0;
        for (int i = first; i <= last; i++)
        {
            _text.Append(_characters[_emitted[i].Class]);
            confidence += _emitted[i].Probability;
        }

        return new RecognizedText(_text.ToString(), (float)(confidence / (last - first + 1)), EngineName);
    }
}
