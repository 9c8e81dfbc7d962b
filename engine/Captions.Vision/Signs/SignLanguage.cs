using Captions.Vision.Ocr;

namespace Captions.Vision.Signs;

/// <summary>
/// The language a reading is in: the configured source language for now. One place to switch to the recogniser's own
/// answer (<c>RecognizedText.Language ?? configured</c>) once engines report it.
/// </summary>
internal static class SignLanguage
{
    public static string Of(RecognizedText? reading, string configured)
    {
        _ = reading;
        return configured;
    }
}
