using Captions.TestKit.Vision;
using Captions.Vision.Ocr;
using Xunit.Abstractions;

namespace Captions.Vision.PaddleOcr.Tests;

/// <summary>The recogniser alone on crops: real word crops from opencv-doc, and rendered lines with exact text.</summary>
[Collection(PaddleOcrCollection.Name)]
public sealed class PaddleTextRecognizerTests(ITestOutputHelper output)
{
    // What the four opencv-doc word crops say, read by eye from the images.
    [Theory]
    [InlineData("scenetext_word01.jpg", "CHINA")]
    [InlineData("scenetext_word02.jpg", "HERE")]
    [InlineData("scenetext_word03.jpg", "riser")]
    [InlineData("scenetext_word04.jpg", "Produkt")]
    public void Recognize_RealWordCrop_ReadsTheWord(string file, string expected)
    {
        var crop = TestImages.DecodeWithFfmpeg(TestImages.OpenCvPhoto(file));

        var text = PaddleOcrTestAssets.Engine.Recognizer.Recognize(crop);

        output.WriteLine($"{file} {crop.Width}x{crop.Height}: \"{text.Text}\" ({text.Confidence:F3})");
        text.Engine.Should().Be("ppocr");
        Letters(text.Text).Should().Be(expected, "punctuation (a full stop after Produkt) is not compared");
        text.Confidence.Should().BeInRange(0.5f, 1f);
    }

    [Theory]
    [InlineData("NO PARKING", RenderedText.DejaVuSans, 40)]
    [InlineData("Emergency Exit", RenderedText.DejaVuSerif, 36)]
    [InlineData("Open 24 hours", RenderedText.LiberationSansBold, 32)]
    [InlineData("0123456789", RenderedText.DejaVuSans, 40)]
    [InlineData("Platform 7", RenderedText.DejaVuSans, 24)]
    [InlineData("欢迎光临", RenderedText.WqyMicroHei, 40)]
    [InlineData("出口", RenderedText.WqyMicroHei, 40)]
    [InlineData("北京西站", RenderedText.WqyMicroHei, 36)]
    public void Recognize_RenderedLine_ReadsExactText(string expected, string font, int fontSize)
    {
        var crop = RenderedText.Render(expected, font, fontSize, 400, 64, x: 12, y: (64 - fontSize) / 2);

        var text = PaddleOcrTestAssets.Engine.Recognizer.Recognize(crop);

        output.WriteLine($"\"{expected}\" -> \"{text.Text}\" ({text.Confidence:F3})");
        text.Text.Should().Be(expected);
        text.Confidence.Should().BeGreaterThan(0.8f);
    }

    [Fact]
    public void Recognize_UpsideDownLine_ClassifierTurnsItAndReadsIt()
    {
        var upright = RenderedText.Render("Emergency Exit", RenderedText.DejaVuSans, 36, 400, 64, x: 12, y: 12);
        var upsideDown = CropExtractor.Rotate180(upright);
        var engine = PaddleOcrTestAssets.Engine;

        var angle = engine.Classifier!.Classify(upsideDown);
        var uprightAngle = engine.Classifier.Classify(upright);
        var text = engine.Recognizer.Recognize(upsideDown);

        output.WriteLine($"upside down: {angle}; upright: {uprightAngle}; read \"{text.Text}\" ({text.Confidence:F3})");
        angle.IsUpsideDown.Should().BeTrue();
        angle.Score.Should().BeGreaterThan(0.9f);
        uprightAngle.IsUpsideDown.Should().BeFalse();
        text.Text.Should().Be("Emergency Exit");
    }

    [Fact]
    public void Recognize_UpsideDownLineWithoutClassifier_DoesNotReadIt()
    {
        var upsideDown = CropExtractor.Rotate180(RenderedText.Render("Emergency Exit", RenderedText.DejaVuSans, 36, 400, 64, x: 12, y: 12));
        using var recognizer = new PaddleTextRecognizer(
            PaddleOcrTestAssets.Environment,
            PaddleOcrTestAssets.ModelPath(PaddleTextRecognizer.ModelFileName),
            PaddleOcrTestAssets.ModelPath(PaddleTextRecognizer.DictionaryFileName));

        var text = recognizer.Recognize(upsideDown);

        output.WriteLine($"without classifier: \"{text.Text}\" ({text.Confidence:F3})");
        text.Text.Should().NotBe("Emergency Exit", "the classifier is what makes the upside-down crop readable");
    }

    [Fact]
    public void Recognize_BlankCrop_ReturnsEmpty()
    {
        var text = PaddleOcrTestAssets.Engine.Recognizer.Recognize(RenderedText.White(200, 48));

        text.Text.Should().BeEmpty();
        text.Confidence.Should().Be(0f);
        text.Engine.Should().Be("ppocr");
    }

    [Fact]
    public void Recognize_VeryLongLine_IsSqueezedToMaxWidthWithoutError()
    {
        var crop = RenderedText.Render("a line of text", RenderedText.DejaVuSans, 20, 4000, 32, x: 10, y: 4);

        var text = PaddleOcrTestAssets.Engine.Recognizer.Recognize(crop);

        output.WriteLine($"4000x32 -> \"{text.Text}\"");
        text.Engine.Should().Be("ppocr");
    }

    private static string Letters(string text) => new(text.Where(char.IsLetterOrDigit).ToArray());
}
