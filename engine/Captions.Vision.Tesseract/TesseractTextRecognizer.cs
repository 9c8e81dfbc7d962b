using System.Text;
using Captions.Native.Tesseract;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;

namespace Captions.Vision.Tesseract;

/// <summary>
/// Reads one text line per crop with Tesseract (LSTM, page segmentation 7 "single line"), for the scripts
/// PP-OCR's dictionary lacks. Engine name "tesseract:&lt;languages&gt;" ("tesseract:jpn"); confidence is
/// Tesseract's mean word confidence / 100; <see cref="RecognizedText.Language"/> is the ISO 639-1 code of the first
/// language.
/// </summary>
/// <remarks>
/// Before reading, a crop lower than <see cref="TesseractTextRecognizerOptions.MinimumHeight"/> is scaled up
/// (bilinear) to <see cref="TesseractTextRecognizerOptions.TargetHeight"/>, and a border in the crop's own
/// background colour (the mean of its outermost pixels) is added, so light-on-dark text stays light-on-dark.
/// A crop with almost no contrast (luma range under <see cref="TesseractTextRecognizerOptions.MinimumContrast"/>)
/// is empty without asking Tesseract.
/// The text is tidied: whitespace runs become one space, and the spaces Tesseract puts between kanji and kana
/// (jpn, chi_sim) are dropped; Korean keeps its word spaces.
/// The engine is initialised once here (85-290 ms): keep the recogniser.
/// Threading model: one call at a time (the Tesseract engine and the scratch buffer are per instance).
/// </remarks>
public sealed class TesseractTextRecognizer : ITextRecognizer
{
    private const int MinimumBorder = 6;

    private readonly TesseractEngine _engine;
    private readonly TesseractTextRecognizerOptions _options;
    private readonly string? _language;
    private byte[] _scratch = [];

    /// <param name="dataPath">The tessdata directory (CaptionsPaths.TesseractDataDirectory).</param>
    /// <param name="tesseractLanguage">Tesseract language set: "jpn", "kor", "spa", "jpn+eng".</param>
    /// <param name="options">Crop preparation; defaults when null.</param>
    /// <exception cref="TesseractLanguageDataException">The directory or a language's data is missing.</exception>
    /// <exception cref="TesseractException">Tesseract is not installed or did not initialise.</exception>
    public TesseractTextRecognizer(string dataPath, string tesseractLanguage, TesseractTextRecognizerOptions? options = null)
    {
        _options = options ?? new TesseractTextRecognizerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MinimumHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.TargetHeight, _options.MinimumHeight);
        _engine = new TesseractEngine(dataPath, tesseractLanguage, EngineMode.LstmOnly)
        {
            DefaultPageSegMode = PageSegMode.SingleLine,
        };
        _language = TesseractLanguageCodes.FromTesseract(tesseractLanguage);
        Name = "tesseract:" + tesseractLanguage;
    }

    public string Name { get; }

    /// <summary>The Tesseract language set this recogniser was initialised with.</summary>
    public string TesseractLanguage => _engine.Language;

    public RecognizedText Recognize(ImageFrame crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        if (LuminanceRange(crop) < _options.MinimumContrast)
        {
            // Tesseract invents text on a flat image (a blank crop read as jpn gave three kanji at confidence > 0).
            return RecognizedText.Empty(Name) with { Language = _language };
        }

        (int width, int height) = Prepare(crop);
        using Page page = _engine.Process(_scratch.AsSpan(0, width * height * 3), width, height, 3, width * 3);
        string text = Tidy(page.GetText());
        if (_language == "ja")
        {
            text = YenFromBackslash(text);
        }

        float confidence = text.Length == 0 ? 0f : page.GetMeanConfidence();
        return new RecognizedText(text, confidence, Name) { Language = _language };
    }

    public void Dispose() => _engine.Dispose();

    /// <summary>Collapses whitespace and drops the spaces between two kanji/kana.</summary>
    internal static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        Rune previous = default;
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace && !(TextScript.IsUnspaced(previous) && TextScript.IsUnspaced(rune)))
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(rune.ToString());
            previous = rune;
        }

        return builder.ToString();
    }

    /// <summary>
    /// "\980" to "¥980": in Japanese text encodings (JIS X 0201, Shift_JIS) byte 0x5C is the yen sign, so Japanese text
    /// Tesseract's jpn model learnt from spells a yen price with a backslash; it reads a printed "¥980" as "\980". A
    /// backslash before a digit is a price in a Japanese line; any other backslash is kept.
    /// </summary>
    internal static string YenFromBackslash(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (int i = 0; i + 1 < chars.Length; i++)
        {
            if (chars[i] == '\\' && char.IsAsciiDigit(chars[i + 1]))
            {
                chars[i] = '¥';
            }
        }

        return new string(chars);
    }

    // Max - min of integer luma (0.299 R + 0.587 G + 0.114 B) over the crop.
    private static int LuminanceRange(ImageFrame crop)
    {
        int low = 255, high = 0;
        for (int y = 0; y < crop.Height; y++)
        {
            ReadOnlySpan<byte> row = crop.Row(y);
            for (int i = 0; i < row.Length; i += 3)
            {
                int luma = ((299 * row[i]) + (587 * row[i + 1]) + (114 * row[i + 2])) / 1000;
                low = Math.Min(low, luma);
                high = Math.Max(high, luma);
            }
        }

        return high - low;
    }

    // Writes the scaled, bordered crop into _scratch (RGB, stride 3 * width) and returns its size.
    private (int Width, int Height) Prepare(ImageFrame crop)
    {
        double scale = crop.Height < _options.MinimumHeight ? (double)_options.TargetHeight / crop.Height : 1.0;
        int innerWidth = Math.Max(1, (int)Math.Round(crop.Width * scale));
        int innerHeight = Math.Max(1, (int)Math.Round(crop.Height * scale));
        int border = Math.Max(MinimumBorder, (int)(innerHeight * _options.BorderFraction));
        int width = innerWidth + (2 * border);
        int height = innerHeight + (2 * border);
        int needed = checked(width * height * 3);
        if (_scratch.Length < needed)
        {
            _scratch = new byte[needed];
        }

        (byte r, byte g, byte b) = EdgeColour(crop);
        Span<byte> output = _scratch.AsSpan(0, needed);
        for (int i = 0; i < output.Length; i += 3)
        {
            output[i] = r;
            output[i + 1] = g;
            output[i + 2] = b;
        }

        for (int y = 0; y < innerHeight; y++)
        {
            Span<byte> row = output.Slice(((y + border) * width * 3) + (border * 3), innerWidth * 3);
            if (scale == 1.0)
            {
                crop.Row(y).CopyTo(row);
            }
            else
            {
                ScaleRow(crop, y, scale, row);
            }
        }

        return (width, height);
    }

    // Bilinear sample of output row y (of the scaled crop) from the source, pixel centres aligned.
    private static void ScaleRow(ImageFrame crop, int y, double scale, Span<byte> row)
    {
        double sy = Math.Clamp(((y + 0.5) / scale) - 0.5, 0, crop.Height - 1);
        int y0 = (int)sy;
        int y1 = Math.Min(y0 + 1, crop.Height - 1);
        double fy = sy - y0;
        ReadOnlySpan<byte> top = crop.Row(y0);
        ReadOnlySpan<byte> bottom = crop.Row(y1);
        int columns = row.Length / 3;
        for (int x = 0; x < columns; x++)
        {
            double sx = Math.Clamp(((x + 0.5) / scale) - 0.5, 0, crop.Width - 1);
            int x0 = (int)sx;
            int x1 = Math.Min(x0 + 1, crop.Width - 1);
            double fx = sx - x0;
            for (int c = 0; c < 3; c++)
            {
                double upper = (top[(x0 * 3) + c] * (1 - fx)) + (top[(x1 * 3) + c] * fx);
                double lower = (bottom[(x0 * 3) + c] * (1 - fx)) + (bottom[(x1 * 3) + c] * fx);
                row[(x * 3) + c] = (byte)Math.Round((upper * (1 - fy)) + (lower * fy));
            }
        }
    }

    // The mean of the crop's outermost ring of pixels: its background, as far as a tight crop shows it.
    private static (byte R, byte G, byte B) EdgeColour(ImageFrame crop)
    {
        long r = 0, g = 0, b = 0, count = 0;
        void Add(ReadOnlySpan<byte> row, int x)
        {
            r += row[x * 3];
            g += row[(x * 3) + 1];
            b += row[(x * 3) + 2];
            count++;
        }

        for (int y = 0; y < crop.Height; y++)
        {
            ReadOnlySpan<byte> row = crop.Row(y);
            if (y == 0 || y == crop.Height - 1)
            {
                for (int x = 0; x < crop.Width; x++)
                {
                    Add(row, x);
                }
            }
            else
            {
                Add(row, 0);
                if (crop.Width > 1)
                {
                    Add(row, crop.Width - 1);
                }
            }
        }

        return ((byte)(r / count), (byte)(g / count), (byte)(b / count));
    }
}
