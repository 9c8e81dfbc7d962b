namespace Captions.Vision.Ocr;

/// <summary>
/// What a recogniser read in one crop: the text (empty when nothing readable), its confidence 0..1, and which engine
/// read it ("ppocr", "tesseract:jpn", ...), so reports and events can say.
/// </summary>
public readonly record struct RecognizedText(string Text, float Confidence, string Engine)
{
    /// <summary>
    /// The ISO 639-1 language the text was read as ("ja", "es", ...), when known: the configured source language,
    /// the language of the engine that read it, or the one its script implies (<see cref="TextScript"/>); null when
    /// nothing says (Latin text read with no configured language).
    /// </summary>
    public string? Language { get; init; }

    public static RecognizedText Empty(string engine) => new("", 0f, engine);
}
