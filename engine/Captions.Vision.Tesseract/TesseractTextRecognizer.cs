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
/// (bilinear) to <see cref="TesseractTextRecognizerOptions.TargetHeight"/>, inverted when its ground is the darker
/// Otsu class of its luma (light text on a dark sign), and framed in a white border: Tesseract reads dark text on a
/// light ground best, and a border in the ground's own colour made a low-contrast LCD crop (opencv
/// scenetext_word04, dark green on green) read as nothing where a white one reads "Produkt".
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
        (int width, int height)? prepared = Prepare(crop);
        if (prepared is not { } size)
        {
            // Tesseract invents text on a flat image (a blank crop read as jpn gave three kanji at confidence > 0).
            return RecognizedText.Empty(Name) with { Language = _language };
        }

        using Page page = _engine.Process(_scratch.AsSpan(0, size.width * size.height * 3), size.width, size.height, 3, size.width * 3);
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

    // Writes the crop into _scratch as RGB (stride 3 * width): scaled, inverted when its ground is the darker class,
    // inside a white border. Null when the crop is flat. The colour stays: Tesseract thresholds the channels itself,
    // and gray lost a dark-green-on-green crop that RGB reads (scenetext_word04: "BE" in gray, "Produkt" in RGB).
    private (int Width, int Height)? Prepare(ImageFrame crop)
    {
        double scale = crop.Height < _options.MinimumHeight ? (double)_options.TargetHeight / crop.Height : 1.0;
        int innerWidth = Math.Max(1, (int)Math.Round(crop.Width * scale));
        int innerHeight = Math.Max(1, (int)Math.Round(crop.Height * scale));
        int border = Math.Max(MinimumBorder, (int)(innerHeight * _options.BorderFraction));
        int width = innerWidth + (2 * border);
        int height = innerHeight + (2 * border);
        int stride = width * 3;
        int needed = checked(stride * height);
        if (_scratch.Length < needed)
        {
            _scratch = new byte[needed];
        }

        Span<byte> output = _scratch.AsSpan(0, needed);
        Span<int> histogram = stackalloc int[256];
        histogram.Clear();
        for (int y = 0; y < innerHeight; y++)
        {
            Span<byte> rgb = output.Slice(((y + border) * stride) + (border * 3), innerWidth * 3);
            if (scale == 1.0)
            {
                crop.Row(y).CopyTo(rgb);
            }
            else
            {
                ScaleRow(crop, y, scale, rgb);
            }

            for (int i = 0; i < rgb.Length; i += 3)
            {
                histogram[((299 * rgb[i]) + (587 * rgb[i + 1]) + (114 * rgb[i + 2])) / 1000]++;
            }
        }

        int pixels = innerWidth * innerHeight;
        if (Percentile(histogram, pixels - 1) - Percentile(histogram, 0) < _options.MinimumContrast)
        {
            return null;
        }

        bool invert = !LightIsMajority(histogram, pixels);
        for (int y = 0; y < height; y++)
        {
            Span<byte> row = output.Slice(y * stride, stride);
            if (y < border || y >= border + innerHeight)
            {
                row.Fill(255);
                continue;
            }

            row[..(border * 3)].Fill(255);
            row[((border + innerWidth) * 3)..].Fill(255);
            if (invert)
            {
                Span<byte> inner = row.Slice(border * 3, innerWidth * 3);
                for (int i = 0; i < inner.Length; i++)
                {
                    inner[i] = (byte)(255 - inner[i]);
                }
            }
        }

        return (width, height);
    }

    // The luma value of the pixel at rank (0-based) in the histogram.
    private static int Percentile(ReadOnlySpan<int> histogram, int rank)
    {
        int seen = 0;
        for (int v = 0; v < 256; v++)
        {
            seen += histogram[v];
            if (seen > rank)
            {
                return v;
            }
        }

        return 255;
    }

    // Otsu's threshold splits ink from ground; the class with more pixels is the ground (a text crop is mostly ground).
    private static bool LightIsMajority(ReadOnlySpan<int> histogram, int pixels)
    {
        long total = 0;
        for (int v = 0; v < 256; v++)
        {
            total += (long)v * histogram[v];
        }

        long darkWeight = 0, darkSum = 0;
        double best = -1;
        int threshold = 0;
        for (int v = 0; v < 256; v++)
        {
            darkWeight += histogram[v];
            darkSum += (long)v * histogram[v];
            long lightWeight = pixels - darkWeight;
            if (darkWeight == 0 || lightWeight == 0)
            {
                continue;
            }

            double difference = ((double)darkSum / darkWeight) - ((double)(total - darkSum) / lightWeight);
            double between = (double)darkWeight * lightWeight * difference * difference;
            if (between > best)
            {
                best = between;
                threshold = v;
            }
        }

        int dark = 0;
        for (int v = 0; v <= threshold; v++)
        {
            dark += histogram[v];
        }

        return pixels - dark >= dark;
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
}
