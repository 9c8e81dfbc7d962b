namespace Captions.Native.Tesseract;

/// <summary>
/// The result of one <see cref="TesseractEngine.Process"/>: text and confidences, read from the engine until
/// disposed. Dispose before processing the next image (the engine holds one page's results).
/// </summary>
public sealed class Page : IDisposable
{
    private readonly TesseractEngine _engine;
    private string? _text;
    private bool _disposed;

    internal Page(TesseractEngine engine, PageSegMode pageSegMode)
    {
        _engine = engine;
        PageSegmentMode = pageSegMode;
    }

    public PageSegMode PageSegmentMode { get; }

    /// <summary>The recognised text, UTF-8 decoded, as Tesseract formats it (lines end in '\n'; may be empty).</summary>
    public string GetText()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _text ??= _engine.ReadText();
    }

    /// <summary>Mean word confidence 0..1 (TessBaseAPIMeanTextConf / 100); 0 when nothing was read.</summary>
    public float GetMeanConfidence()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Math.Clamp(_engine.ReadMeanConfidence(), 0, 100) / 100f;
    }

    /// <summary>Each word's confidence 0..100, in reading order.</summary>
    public IReadOnlyList<int> GetWordConfidences()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _engine.ReadWordConfidences();
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _engine.Release(this);
        }
    }
}
