namespace Captions.Vision.Tesseract.Tests;

/// <summary>Warm Tesseract recognisers per language over the Debian tessdata, shared by the collection.</summary>
public sealed class TesseractFixture : IDisposable
{
    /// <summary>CaptionsPaths.TesseractDataDirectory (Debian tesseract-ocr-*).</summary>
    public const string DataPath = Captions.Engine.Hosting.CaptionsPaths.TesseractDataDirectory;

    public TesseractRecognizers Recognizers { get; } = new(DataPath);

    public Captions.Vision.Ocr.ITextRecognizer For(string iso6391) =>
        Recognizers.ForLanguage(iso6391) ?? throw new InvalidOperationException(
            $"no Tesseract recogniser for '{iso6391}': {Recognizers.Unavailable.GetValueOrDefault(iso6391)}");

    public void Dispose() => Recognizers.Dispose();
}
