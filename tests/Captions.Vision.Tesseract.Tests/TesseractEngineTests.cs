using System.Diagnostics;
using Captions.Native.Tesseract;
using Xunit.Abstractions;

namespace Captions.Vision.Tesseract.Tests;

[Collection(TesseractCollection.Name)]
public sealed class TesseractEngineTests
{
    private const string DataPath = TesseractFixture.DataPath;

    private readonly ITestOutputHelper _output;

    public TesseractEngineTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData("eng")]
    [InlineData("spa")]
    [InlineData("fra")]
    [InlineData("deu")]
    [InlineData("jpn")]
    [InlineData("kor")]
    [InlineData("chi_sim")]
    [InlineData("jpn+eng")]
    public void Constructor_InstalledLanguage_InitialisesLstm(string language)
    {
        var watch = Stopwatch.StartNew();
        using var engine = new TesseractEngine(DataPath, language, EngineMode.LstmOnly);
        watch.Stop();

        engine.Language.Should().Be(language);

        // Informational only, never asserted.
        _output.WriteLine($"init {language}: {watch.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void Constructor_MissingLanguage_ThrowsNamingLanguageAndDirectory()
    {
        Action act = () => new TesseractEngine(DataPath, "eng+xyz").Dispose();

        var thrown = act.Should().Throw<TesseractLanguageDataException>().Which;
        thrown.Language.Should().Be("xyz");
        thrown.DataPath.Should().Be(DataPath);
        thrown.Message.Should().Contain("'xyz'").And.Contain(DataPath).And.Contain("jpn");
    }

    [Fact]
    public void Constructor_NonexistentDataDirectory_ThrowsNamingDirectory()
    {
        const string missing = "/nonexistent/tessdata";

        Action act = () => new TesseractEngine(missing, "eng").Dispose();

        var thrown = act.Should().Throw<TesseractLanguageDataException>().Which;
        thrown.DataPath.Should().Be(missing);
        thrown.Message.Should().Contain(missing).And.Contain("does not exist");
    }

    [Theory]
    [InlineData("eng/../../etc")]
    [InlineData("eng+")]
    [InlineData("~eng")]
    public void Constructor_MalformedLanguage_ThrowsArgumentException(string language)
    {
        Action act = () => new TesseractEngine(DataPath, language).Dispose();

        act.Should().Throw<ArgumentException>().WithMessage($"*'{language}'*");
    }

    [Fact]
    public void Constructor_CorruptTrainedData_ThrowsTesseractExceptionNamingLanguage()
    {
        string directory = Path.Combine(Path.GetTempPath(), "captions-tesseract-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllBytes(Path.Combine(directory, "bad.traineddata"), [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919))]);

            Action act = () => new TesseractEngine(directory, "bad", EngineMode.LstmOnly).Dispose();

            act.Should().Throw<TesseractException>().WithMessage($"*'bad'*{directory}*");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(0, 10, 3, 0, 0)]
    [InlineData(10, 0, 3, 30, 300)]
    [InlineData(10, 10, 2, 20, 200)]
    [InlineData(10, 10, 3, 20, 300)]
    [InlineData(10, 10, 3, 30, 299)]
    [InlineData(40000, 1, 1, 40000, 40000)]
    public void Process_InvalidImage_ThrowsArgumentException(int width, int height, int bytesPerPixel, int stride, int length)
    {
        using var engine = new TesseractEngine(DataPath, "eng", EngineMode.LstmOnly);

        Action act = () => engine.Process(new byte[length], width, height, bytesPerPixel, stride).Dispose();

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Process_RenderedEnglishLine_ReadsTextAndConfidence()
    {
        using var engine = new TesseractEngine(DataPath, "eng", EngineMode.LstmOnly) { DefaultPageSegMode = PageSegMode.SingleBlock };
        var frame = RenderedCrop.Render("NO PARKING AT ANY TIME", RenderedCrop.DejaVuSans, 40);

        using Page page = engine.Process(frame.Pixels, frame.Width, frame.Height, 3, frame.Stride, PageSegMode.SingleLine);

        page.GetText().Trim().Should().Be("NO PARKING AT ANY TIME");
        page.GetMeanConfidence().Should().BeInRange(0.5f, 1f);
        page.GetWordConfidences().Should().HaveCount(5);
        page.PageSegmentMode.Should().Be(PageSegMode.SingleLine);
    }

    [Fact]
    public void Process_PreviousPageNotDisposed_ThrowsInvalidOperation()
    {
        using var engine = new TesseractEngine(DataPath, "eng", EngineMode.LstmOnly);
        var frame = RenderedCrop.Blank(40, 20, 255);
        using Page first = engine.Process(frame.Pixels, frame.Width, frame.Height, 3, frame.Stride);

        Action second = () => engine.Process(frame.Pixels, frame.Width, frame.Height, 3, frame.Stride).Dispose();

        second.Should().Throw<InvalidOperationException>().WithMessage("*dispose the previous Page*");
    }

    [Fact]
    public void InstalledLanguages_DebianData_ListsTheInstalledPackages()
    {
        TesseractEngine.InstalledLanguages(DataPath).Should().Contain(["eng", "spa", "fra", "deu", "chi_sim", "jpn", "kor"]);
        TesseractEngine.InstalledLanguages("/nonexistent/tessdata").Should().BeEmpty();
    }
}
