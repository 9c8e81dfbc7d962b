using Captions.Native.Tesseract;
using Captions.Vision.Ocr;

namespace Captions.Vision.Tesseract;

/// <summary>
/// One warm <see cref="TesseractTextRecognizer"/> per ISO 639-1 language, made on first use and kept (an init
/// costs 85-290 ms): <see cref="ForLanguage"/> is the secondary lookup <see cref="OcrLanguageRouter"/> takes.
/// </summary>
/// <remarks>
/// A language without a Tesseract name here or without its traineddata gives null (the router then falls back to
/// its primary) and is listed in <see cref="Unavailable"/> with the reason, for <c>captions doctor</c> and logs.
/// Threading model: one thread at a time, like the router that calls it; disposing disposes every recogniser made.
/// </remarks>
public sealed class TesseractRecognizers : IDisposable
{
    private readonly string _dataPath;
    private readonly TesseractTextRecognizerOptions? _options;
    private readonly Dictionary<string, TesseractTextRecognizer?> _recognizers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unavailable = new(StringComparer.Ordinal);
    private bool _disposed;

    public TesseractRecognizers(string dataPath, TesseractTextRecognizerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        _dataPath = dataPath;
        _options = options;
    }

    /// <summary>Languages asked for that have no recogniser, with why.</summary>
    public IReadOnlyDictionary<string, string> Unavailable => _unavailable;

    /// <summary>The recogniser for <paramref name="iso6391"/> ("ja" -> tesseract:jpn), or null when unavailable.</summary>
    public ITextRecognizer? ForLanguage(string iso6391)
    {
        ArgumentNullException.ThrowIfNull(iso6391);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_recognizers.TryGetValue(iso6391, out TesseractTextRecognizer? known))
        {
            return known;
        }

        TesseractTextRecognizer? made = null;
        string? tesseractLanguage = TesseractLanguageCodes.ToTesseract(iso6391);
        if (tesseractLanguage is null)
        {
            _unavailable[iso6391] = $"no Tesseract language is known for '{iso6391}'";
        }
        else
        {
            try
            {
                made = new TesseractTextRecognizer(_dataPath, tesseractLanguage, _options);
            }
            catch (TesseractLanguageDataException ex)
            {
                _unavailable[iso6391] = ex.Message;
            }
        }

        _recognizers[iso6391] = made;
        return made;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (TesseractTextRecognizer? recognizer in _recognizers.Values)
        {
            recognizer?.Dispose();
        }
    }
}
