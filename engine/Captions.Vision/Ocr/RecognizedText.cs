namespace Captions.Vision.Ocr;

/// <summary>
/// What a recogniser read in one crop: the text (empty when nothing readable), its confidence 0..1, and which engine
/// read it ("ppocr", "tesseract:jpn", ...), so reports and events can say.
/// </summary>
public readonly record struct RecognizedText(string Text, float Confidence, string Engine)
{
    public static RecognizedText Empty(string engine) => new("", 0f, engine);
}
