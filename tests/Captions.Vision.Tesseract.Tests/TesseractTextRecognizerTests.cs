using System.Diagnostics;
using Captions.TestKit.Vision;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;
using Xunit.Abstractions;

namespace Captions.Vision.Tesseract.Tests;

[Collection(TesseractCollection.Name)]
public sealed class TesseractTextRecognizerTests
{
    private readonly TesseractFixture _fixture;
    private readonly ITestOutputHelper _output;

    public TesseractTextRecognizerTests(TesseractFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    // Text PP-OCR's dictionary cannot spell: kana beyond its five, hangul, ñ ¿ ç ê â ô ö ß Ä.
    [Theory]
    [InlineData("ja", "ひらがなとカタカナ", RenderedCrop.WqyMicroHei, 48)]
    [InlineData("ja", "営業時間のお知らせ", RenderedCrop.WqyMicroHei, 40)]
    [InlineData("ja", "ラーメンとギョーザ", RenderedCrop.WqyMicroHei, 40)]
    [InlineData("ko", "출구는 오른쪽입니다", RenderedCrop.WqyMicroHei, 40)]
    [InlineData("ko", "화장실", RenderedCrop.WqyMicroHei, 48)]
    [InlineData("es", "¿Dónde está el baño?", RenderedCrop.DejaVuSans, 40)]
    [InlineData("es", "Mañana cerrado por la señora", RenderedCrop.DejaVuSerif, 36)]
    [InlineData("fr", "Fermé le dimanche à côté de la gare", RenderedCrop.DejaVuSans, 36)]
    [InlineData("fr", "Crème brûlée et façade", RenderedCrop.DejaVuSans, 40)]
    [InlineData("de", "Größe und Öffnungszeiten", RenderedCrop.DejaVuSans, 40)]
    [InlineData("de", "Straße gesperrt für Fahrzeuge", RenderedCrop.DejaVuSerif, 36)]
    public void Recognize_RenderedLine_ReadsExactText(string language, string text, string font, int fontSize)
    {
        var crop = RenderedCrop.Render(text, font, fontSize);
        var recognizer = _fixture.For(language);

        var result = Timed(recognizer, crop, $"{language} {Path.GetFileName(font)} {fontSize}px '{text}'");

        result.Text.Should().Be(text);
        result.Language.Should().Be(language);
        result.Engine.Should().StartWith("tesseract:");
        result.Confidence.Should().BeInRange(0.5f, 1f);
    }

    [Fact]
    public void Recognize_JapaneseMixedWithLatinAndDigits_ReadsEveryCharacter()
    {
        const string text = "JR東日本 ATMコーナー 24時間";
        var crop = RenderedCrop.Render(text, RenderedCrop.WqyMicroHei, 40);

        var result = Timed(_fixture.For("ja"), crop, text);

        // Whitespace only is normalised: Tesseract jpn drops the space between 本 and ATM.
        Strip(result.Text).Should().Be(Strip(text));
    }

    [Theory]
    [InlineData("scenetext_word01.jpg", "en", "CHINA")]
    [InlineData("scenetext_word02.jpg", "en", "HERE")]
    [InlineData("scenetext_word03.jpg", "en", "riser")]
    [InlineData("scenetext_word04.jpg", "de", "Produkt")]
    public void Recognize_OpenCvWordCrop_ReadsTheWord(string file, string language, string word)
    {
        var crop = TestImages.DecodeWithFfmpeg(TestImages.OpenCvPhoto(file));

        var result = Timed(_fixture.For(language), crop, file);

        result.Text.Should().Be(word);
        result.Language.Should().Be(language);
        result.Engine.Should().Be("tesseract:" + TesseractLanguageCodes.ToTesseract(language));
    }

    [Fact]
    public void Recognize_SmallCrop_IsScaledUpAndRead()
    {
        var crop = RenderedCrop.Render("Ausgang über die Brücke", RenderedCrop.DejaVuSans, 14);
        crop.Height.Should().BeLessThan(32, "the test is about crops under the upscale threshold");

        var result = Timed(_fixture.For("de"), crop, $"de {crop.Width}x{crop.Height}");

        result.Text.Should().Be("Ausgang über die Brücke");
    }

    [Fact]
    public void Recognize_LightTextOnDarkBackground_ReadsText()
    {
        var crop = RenderedCrop.Render("Sortie de secours", RenderedCrop.DejaVuSans, 40, foreground: "white", background: "0x003366");

        var result = Timed(_fixture.For("fr"), crop, "fr white on blue");

        result.Text.Should().Be("Sortie de secours");
    }

    [Fact]
    public void Recognize_BlankCrop_ReturnsEmptyWithZeroConfidence()
    {
        var result = _fixture.For("ja").Recognize(RenderedCrop.Blank(120, 40, 255));

        result.Text.Should().BeEmpty();
        result.Confidence.Should().Be(0f);
        result.Engine.Should().Be("tesseract:jpn");
    }

    [Fact]
    public void Recognize_OnePixelCrop_DoesNotThrow()
    {
        var result = _fixture.For("en").Recognize(RenderedCrop.Blank(1, 1, 0));

        result.Text.Should().BeEmpty();
    }

    [Theory]
    [InlineData("ひ ら が な\n", "ひらがな")]
    [InlineData("  営業 時間 の お知らせ \n\n", "営業時間のお知らせ")]
    [InlineData("출구는   오른쪽입니다\n", "출구는 오른쪽입니다")]
    [InlineData("JR 東 日本\n", "JR 東日本")]
    [InlineData("Größe\t und\nÖffnungszeiten", "Größe und Öffnungszeiten")]
    [InlineData("\n", "")]
    public void Tidy_TesseractOutput_CollapsesWhitespaceAndJoinsCjk(string raw, string expected)
    {
        TesseractTextRecognizer.Tidy(raw).Should().Be(expected);
    }

    [Theory]
    [InlineData("\\980", "¥980")]
    [InlineData("天ぷらそば \\980", "天ぷらそば ¥980")]
    [InlineData("C:\\Windows", "C:\\Windows")]
    [InlineData("\\", "\\")]
    public void YenFromBackslash_JapaneseReading_BackslashBeforeDigitIsYen(string raw, string expected)
    {
        TesseractTextRecognizer.YenFromBackslash(raw).Should().Be(expected);
    }

    [Fact]
    public void Constructor_MissingLanguageData_ThrowsNamingLanguage()
    {
        Action act = () => new TesseractTextRecognizer(TesseractFixture.DataPath, "xyz").Dispose();

        act.Should().Throw<Captions.Native.Tesseract.TesseractLanguageDataException>().WithMessage("*'xyz'*");
    }

    private static string Strip(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private RecognizedText Timed(ITextRecognizer recognizer, ImageFrame crop, string what)
    {
        var watch = Stopwatch.StartNew();
        var result = recognizer.Recognize(crop);
        watch.Stop();

        // Informational only, never asserted.
        _output.WriteLine($"{recognizer.Name} {what} ({crop.Width}x{crop.Height}): '{result.Text}' conf {result.Confidence:F2} in {watch.Elapsed.TotalMilliseconds:F0} ms");
        return result;
    }
}
