namespace Captions.Vision.Tesseract.Tests;

[Collection(TesseractCollection.Name)]
public sealed class TesseractRecognizersTests
{
    private readonly TesseractFixture _fixture;

    public TesseractRecognizersTests(TesseractFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void ForLanguage_SameLanguageTwice_ReturnsTheSameWarmRecognizer()
    {
        var first = _fixture.Recognizers.ForLanguage("ko");

        first.Should().NotBeNull();
        _fixture.Recognizers.ForLanguage("ko").Should().BeSameAs(first);
        first!.Name.Should().Be("tesseract:kor");
    }

    [Fact]
    public void ForLanguage_UnknownLanguage_ReturnsNullWithReason()
    {
        _fixture.Recognizers.ForLanguage("xx").Should().BeNull();

        _fixture.Recognizers.Unavailable["xx"].Should().Contain("'xx'");
    }

    [Fact]
    public void ForLanguage_NonexistentDataDirectory_ReturnsNullWithReasonNamingDirectory()
    {
        using var recognizers = new TesseractRecognizers("/nonexistent/tessdata");

        recognizers.ForLanguage("ja").Should().BeNull();
        recognizers.Unavailable["ja"].Should().Contain("/nonexistent/tessdata");
    }

    [Fact]
    public void ForLanguage_KnownLanguageWithoutData_ReturnsNullWithPackageName()
    {
        // Italian has a Tesseract name but tesseract-ocr-ita is not installed here.
        _fixture.Recognizers.ForLanguage("it").Should().BeNull();

        _fixture.Recognizers.Unavailable["it"].Should().Contain("'ita'").And.Contain("tesseract-ocr-ita");
    }

    [Fact]
    public void ForLanguage_AfterDispose_Throws()
    {
        var recognizers = new TesseractRecognizers(TesseractFixture.DataPath);
        recognizers.Dispose();

        Action act = () => recognizers.ForLanguage("en");

        act.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void LanguageCodes_RoundTrip_MapsIsoToTesseractAndBack()
    {
        TesseractLanguageCodes.ToTesseract("ja").Should().Be("jpn");
        TesseractLanguageCodes.ToTesseract("DE").Should().Be("deu");
        TesseractLanguageCodes.ToTesseract("xx").Should().BeNull();
        TesseractLanguageCodes.FromTesseract("jpn+eng").Should().Be("ja");
        TesseractLanguageCodes.FromTesseract("chi_tra").Should().Be("zh");
        TesseractLanguageCodes.FromTesseract("xyz").Should().BeNull();
    }
}
