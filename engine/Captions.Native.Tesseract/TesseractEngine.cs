using System.Text.RegularExpressions;

namespace Captions.Native.Tesseract;

/// <summary>
/// One initialised Tesseract (a <c>TessBaseAPI</c> loaded with one language set, e.g. "jpn" or "jpn+eng").
/// Shaped like the well-known Tesseract .NET wrapper (<c>new TesseractEngine(dataPath, language, mode)</c>,
/// <c>Process(image) -&gt; Page</c>, <c>page.GetText()</c>, <c>page.GetMeanConfidence()</c>), so a swap stays
/// mechanical; images are raw pixel buffers here instead of leptonica Pix.
/// </summary>
/// <remarks>
/// Initialising costs 85-290 ms per language (NATIVE.md): create one engine per language set and keep it.
/// Threading model: one thread at a time per engine, and one <see cref="Page"/> alive at a time (the results live
/// in the engine); engines on different threads are independent.
/// </remarks>
public sealed partial class TesseractEngine : IDisposable
{
    // Tesseract keeps box coordinates in int16: larger images fail inside it, so refuse them here.
    private const int MaxDimension = short.MaxValue;

    // 300 ppi: what Tesseract assumes for scans; without a resolution it prints "Warning: Invalid resolution 0 dpi".
    private const int SourceResolution = 300;

    private readonly TessBaseApi _api;
    private Page? _activePage;

    /// <summary>Loads <paramref name="language"/> from <paramref name="dataPath"/>.</summary>
    /// <param name="dataPath">The tessdata directory itself (CaptionsPaths.TesseractDataDirectory).</param>
    /// <param name="language">One code or several joined by '+', first one primary: "jpn", "jpn+eng", "chi_sim".</param>
    /// <param name="engineMode">Which recogniser to run.</param>
    /// <exception cref="TesseractLanguageDataException">The directory or a language's traineddata is missing.</exception>
    /// <exception cref="TesseractException">Tesseract is not installed or refused to initialise.</exception>
    public TesseractEngine(string dataPath, string language, EngineMode engineMode = EngineMode.Default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        CheckLanguageData(dataPath, language);

        _api = TessBaseApi.Create();
        int status = TesseractNative.BaseApiInit2(_api, dataPath, language, (int)engineMode);
        if (status != 0)
        {
            _api.Dispose();
            throw new TesseractException(
                $"Tesseract could not initialise language '{language}' (engine mode {engineMode}) from '{dataPath}': TessBaseAPIInit2 returned {status} (its reason is on stderr; a traineddata without the {engineMode} model fails this way)");
        }

        DataPath = dataPath;
        Language = language;
        EngineMode = engineMode;
    }

    public string DataPath { get; }

    public string Language { get; }

    public EngineMode EngineMode { get; }

    /// <summary>The page segmentation used when <see cref="Process"/> is given none.</summary>
    public PageSegMode DefaultPageSegMode { get; set; } = PageSegMode.SingleBlock;

    /// <summary>Tesseract's version string ("5.3.0").</summary>
    public static string Version => TesseractLibrary.Version;

    /// <summary>Sets a Tesseract parameter (e.g. "tessedit_char_whitelist"); false when the name is unknown.</summary>
    public bool SetVariable(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        ObjectDisposedException.ThrowIf(_api.IsClosed, this);
        return TesseractNative.BaseApiSetVariable(_api, name, value);
    }

    /// <summary>
    /// Recognises a raw image: rows top to bottom, <paramref name="stride"/> bytes each, 1 (gray), 3 (RGB) or 4
    /// (RGBA) bytes a pixel. Tesseract copies the pixels, so the buffer is free again when this returns.
    /// </summary>
    /// <exception cref="ArgumentException">The sizes do not describe the buffer, or the image is too large.</exception>
    /// <exception cref="InvalidOperationException">The previous page is still alive.</exception>
    /// <exception cref="TesseractException">Recognition failed.</exception>
    public unsafe Page Process(ReadOnlySpan<byte> pixels, int width, int height, int bytesPerPixel, int stride, PageSegMode? pageSegMode = null)
    {
        ObjectDisposedException.ThrowIf(_api.IsClosed, this);
        CheckImage(pixels.Length, width, height, bytesPerPixel, stride);
        if (_activePage is not null)
        {
            throw new InvalidOperationException("Only one page can be processed at a time: dispose the previous Page first.");
        }

        PageSegMode mode = pageSegMode ?? DefaultPageSegMode;
        TesseractNative.BaseApiSetPageSegMode(_api, (int)mode);
        fixed (byte* data = pixels)
        {
            TesseractNative.BaseApiSetImage(_api, data, width, height, bytesPerPixel, stride);
        }

        TesseractNative.BaseApiSetSourceResolution(_api, SourceResolution);
        int status = TesseractNative.BaseApiRecognize(_api, 0);
        if (status != 0)
        {
            TesseractNative.BaseApiClear(_api);
            throw new TesseractException($"Tesseract ({Language}) failed to recognise a {width}x{height} image: TessBaseAPIRecognize returned {status}");
        }

        _activePage = new Page(this, mode);
        return _activePage;
    }

    public void Dispose()
    {
        _api.Dispose();
    }

    internal string ReadText()
    {
        nint text = TesseractNative.BaseApiGetUtf8Text(_api);
        if (text == 0)
        {
            return string.Empty;
        }

        try
        {
            return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(text) ?? string.Empty;
        }
        finally
        {
            TesseractNative.DeleteText(text);
        }
    }

    internal int ReadMeanConfidence() => TesseractNative.BaseApiMeanTextConf(_api);

    internal unsafe int[] ReadWordConfidences()
    {
        nint array = TesseractNative.BaseApiAllWordConfidences(_api);
        if (array == 0)
        {
            return [];
        }

        try
        {
            var values = new List<int>();
            for (int* p = (int*)array; *p != -1; p++)
            {
                values.Add(*p);
            }

            return [.. values];
        }
        finally
        {
            TesseractNative.DeleteIntArray(array);
        }
    }

    internal void Release(Page page)
    {
        if (ReferenceEquals(_activePage, page))
        {
            _activePage = null;
            if (!_api.IsClosed)
            {
                TesseractNative.BaseApiClear(_api);
            }
        }
    }

    private static void CheckImage(int length, int width, int height, int bytesPerPixel, int stride)
    {
        if (bytesPerPixel is not (1 or 3 or 4))
        {
            throw new ArgumentException($"Tesseract reads 1 (gray), 3 (RGB) or 4 (RGBA) bytes a pixel, not {bytesPerPixel}.", nameof(bytesPerPixel));
        }

        if (width < 1 || height < 1 || width > MaxDimension || height > MaxDimension)
        {
            throw new ArgumentException($"A {width}x{height} image cannot be recognised: each side must be 1..{MaxDimension} pixels (downscale first).", nameof(width));
        }

        if ((long)stride < (long)width * bytesPerPixel)
        {
            throw new ArgumentException($"Stride {stride} is shorter than a row of {width} pixels at {bytesPerPixel} bytes.", nameof(stride));
        }

        long needed = ((long)stride * (height - 1)) + ((long)width * bytesPerPixel);
        if (length < needed)
        {
            throw new ArgumentException($"A {width}x{height} image with stride {stride} needs {needed} bytes; the buffer has {length}.", "pixels");
        }
    }

    private static void CheckLanguageData(string dataPath, string language)
    {
        if (!Directory.Exists(dataPath))
        {
            throw new TesseractLanguageDataException(
                string.Empty,
                dataPath,
                $"Tesseract data directory '{dataPath}' does not exist (Debian installs it at /usr/share/tesseract-ocr/5/tessdata with tesseract-ocr-<lang>)");
        }

        foreach (string code in language.Split('+'))
        {
            if (!LanguageCode().IsMatch(code))
            {
                throw new ArgumentException($"Tesseract language '{language}' is not a '+'-joined list of codes such as 'jpn+eng' ('{code}' is not a code).", nameof(language));
            }

            if (!File.Exists(Path.Combine(dataPath, code + ".traineddata")))
            {
                throw new TesseractLanguageDataException(
                    code,
                    dataPath,
                    $"Tesseract has no data for language '{code}': '{code}.traineddata' is not in '{dataPath}' (installed: {string.Join(", ", InstalledLanguages(dataPath))}; Debian package tesseract-ocr-{code.Replace('_', '-')})");
            }
        }
    }

    /// <summary>The language codes with a traineddata file in <paramref name="dataPath"/>, sorted.</summary>
    public static IReadOnlyList<string> InstalledLanguages(string dataPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataPath);
        if (!Directory.Exists(dataPath))
        {
            return [];
        }

        var codes = Directory.EnumerateFiles(dataPath, "*.traineddata")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToList();
        codes.Sort(StringComparer.Ordinal);
        return codes;
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex LanguageCode();
}
