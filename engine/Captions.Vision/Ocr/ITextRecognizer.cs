using Captions.Vision.Imaging;

namespace Captions.Vision.Ocr;

/// <summary>
/// Reads one line of text from a crop already cut out and straightened (text runs left to right, upright; the
/// crop is the text line's own size, not resized for any model). Implementations resize and normalise as their model
/// needs.
/// Threading model: one call at a time per instance.
/// </summary>
public interface ITextRecognizer : IDisposable
{
    string Name { get; }

    RecognizedText Recognize(ImageFrame crop);
}
