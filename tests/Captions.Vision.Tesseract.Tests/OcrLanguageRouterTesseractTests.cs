using System.Diagnostics;
using Captions.Vision.Ocr;
using Xunit.Abstractions;

namespace Captions.Vision.Tesseract.Tests;

/// <summary>
/// The router over real engines. PP-OCR lives in another project, so the primary here is Tesseract chi_sim: a real
/// Chinese + Latin reader without kana-aware output or hangul, standing in for PP-OCR's role.
/// </summary>
[Collection(TesseractCollection.Name)]
public sealed class OcrLanguageRouterTesseractTests
{
    private readonly TesseractFixture _fixture;
    private readonly ITestOutputHelper _output;

    public OcrLanguageRouterTesseractTests(TesseractFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Theory]
    [InlineData("ko", "출구는 오른쪽입니다", RenderedCrop.WqyMicroHei, "tesseract:kor")]
    [InlineData("ja", "ひらがなとカタカナ", RenderedCrop.WqyMicroHei, "tesseract:jpn")]
    [InlineData("de", "Größe und Öffnungszeiten", RenderedCrop.DejaVuSans, "tesseract:deu")]
    [InlineData("es", "¿Dónde está el baño?", RenderedCrop.DejaVuSans, "tesseract:spa")]
    [InlineData("zh", "出口在右边", RenderedCrop.WqyMicroHei, "tesseract:chi_sim")]
    public void Recognize_ConfiguredLanguage_ReadsExactTextWithTheLanguagesEngine(string language, string text, string font, string engine)
    {
        using var router = new OcrLanguageRouter(_fixture.For("zh"), _fixture.Recognizers.ForLanguage, language);
        var crop = RenderedCrop.Render(text, font, 40);

        var result = Timed(router, crop, text);

        result.Text.Should().Be(text);
        result.Engine.Should().Be(engine);
        result.Language.Should().Be(language);
    }

    [Theory]
    [InlineData("출구는 오른쪽입니다", "ko")]
    [InlineData("営業時間のお知らせ", "ja")]
    [InlineData("ひらがなとカタカナ", "ja")]
    [InlineData("出口在右边", "zh")]
    public void Recognize_Auto_ReadsExactTextAndTellsTheLanguage(string text, string language)
    {
        using var router = new OcrLanguageRouter(_fixture.For("zh"), _fixture.Recognizers.ForLanguage, OcrLanguageRouter.Auto);
        var crop = RenderedCrop.Render(text, RenderedCrop.WqyMicroHei, 40);

        var result = Timed(router, crop, text);

        result.Text.Should().Be(text);
        result.Language.Should().Be(language);
    }

    private RecognizedText Timed(OcrLanguageRouter router, Captions.Vision.Imaging.ImageFrame crop, string what)
    {
        var primary = _fixture.For("zh").Recognize(crop);
        var watch = Stopwatch.StartNew();
        var result = router.Recognize(crop);
        watch.Stop();

        // Informational only, never asserted.
        _output.WriteLine($"{router.Name} '{what}': primary alone read '{primary.Text}' conf {primary.Confidence:F2}; routed '{result.Text}' by {result.Engine} as {result.Language ?? "?"} conf {result.Confidence:F2} in {watch.Elapsed.TotalMilliseconds:F0} ms ({router.PrimaryReads} primary, {router.SecondaryReads} secondary reads)");
        return result;
    }
}
