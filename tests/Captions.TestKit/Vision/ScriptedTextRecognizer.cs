using System.Collections.Concurrent;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;

namespace Captions.TestKit.Vision;

/// <summary>
/// A test double for sign-pipeline tests (not a recogniser): tells from a crop's key colour which
/// <see cref="ScriptedScene"/> text it shows and returns it, optionally through <see cref="Misread"/> (text, call
/// number for that text) to script flickering OCR; can be made to fail. Records every text it was asked to read.
/// </summary>
public sealed class ScriptedTextRecognizer : ITextRecognizer
{
    private readonly ScriptedScene _scene;
    private readonly ConcurrentQueue<string> _reads = new();
    private readonly ConcurrentDictionary<string, int> _perText = new(StringComparer.Ordinal);

    public ScriptedTextRecognizer(ScriptedScene scene) => _scene = scene ?? throw new ArgumentNullException(nameof(scene));

    public string Name => "scripted";

    /// <summary>What is "read" for a text on its n-th reading (from 0); default: the text itself.</summary>
    public Func<string, int, string> Misread { get; init; } = (text, _) => text;

    /// <summary>When it returns an exception for a text, Recognize throws it.</summary>
    public Func<string, Exception?> Fail { get; set; } = _ => null;

    /// <summary>Texts read, in order (one per call).</summary>
    public IReadOnlyList<string> Reads => [.. _reads];

    public int Calls => _reads.Count;

    public RecognizedText Recognize(ImageFrame crop)
    {
        var text = _scene.TextIn(crop);
        if (text is null)
        {
            _reads.Enqueue("");
            return RecognizedText.Empty(Name);
        }

        _reads.Enqueue(text);
        if (Fail(text) is { } error)
        {
            throw error;
        }

        var n = _perText.AddOrUpdate(text, 0, (_, c) => c + 1);
        return new RecognizedText(Misread(text, n), 0.9f, Name);
    }

    public void Dispose()
    {
    }
}
