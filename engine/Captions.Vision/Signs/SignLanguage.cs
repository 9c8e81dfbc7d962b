using Captions.Vision.Ocr;

namespace Captions.Vision.Signs;

/// <summary>
/// The language a reading is in: what the recogniser says (<see cref="RecognizedText.Language"/>: the engine's
/// language or the one its script implies), else the configured source language ("auto" included).
/// </summary>
internal static class SignLanguage
{
    public static string Of(RecognizedText? reading, string configured) =>
        reading?.Language is { Length: > 0 } language ? language : configured;
}
