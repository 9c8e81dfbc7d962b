using Captions.Native.OnnxRuntime;

namespace Captions.Vision.PaddleOcr.Tests;

/// <summary>Broken or missing model files give <see cref="OcrModelException"/> naming the file, never a crash.</summary>
public sealed class PaddleOcrModelFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ppocr-models-{Guid.NewGuid():N}");

    public PaddleOcrModelFileTests()
    {
        Directory.CreateDirectory(_directory);
        foreach (string file in new[] { PaddleTextDetector.ModelFileName, PaddleAngleClassifier.ModelFileName, PaddleTextRecognizer.ModelFileName, PaddleTextRecognizer.DictionaryFileName })
        {
            File.Copy(PaddleOcrTestAssets.ModelPath(file), Path.Combine(_directory, file));
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Open_CompleteCopy_Loads()
    {
        using var engine = PaddleOcrEngine.Open(PaddleOcrTestAssets.Environment, _directory);

        engine.Detector.Name.Should().Be("ppocr");
        engine.Recognizer.Name.Should().Be("ppocr");
        ((PaddleTextRecognizer)engine.Recognizer).ClassCount.Should().Be(6625);
    }

    [Fact]
    public void Open_CaptionsPaths_LoadsTheBootstrapModels()
    {
        _ = PaddleOcrTestAssets.ModelDirectory;

        using var engine = PaddleOcrEngine.Open(PaddleOcrTestAssets.Paths);

        engine.Classifier.Should().NotBeNull();
        engine.Detector.MaxRegions.Should().Be(100);
    }

    [Theory]
    [InlineData(PaddleTextDetector.ModelFileName)]
    [InlineData(PaddleAngleClassifier.ModelFileName)]
    [InlineData(PaddleTextRecognizer.ModelFileName)]
    [InlineData(PaddleTextRecognizer.DictionaryFileName)]
    public void Open_MissingFile_ThrowsNamingIt(string file)
    {
        string path = Path.Combine(_directory, file);
        File.Delete(path);

        var open = () => PaddleOcrEngine.Open(PaddleOcrTestAssets.Environment, _directory);

        open.Should().Throw<OcrModelException>().Where(e => e.Message.Contains(path) && e.Message.Contains("does not exist") && e.ModelPath == path);
    }

    [Theory]
    [InlineData(PaddleTextDetector.ModelFileName)]
    [InlineData(PaddleAngleClassifier.ModelFileName)]
    [InlineData(PaddleTextRecognizer.ModelFileName)]
    public void Open_TruncatedModel_ThrowsNamingIt(string file)
    {
        string path = Path.Combine(_directory, file);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);

        var open = () => PaddleOcrEngine.Open(PaddleOcrTestAssets.Environment, _directory);

        open.Should().Throw<OcrModelException>()
            .Where(e => e.Message.Contains(path) && e.ModelPath == path)
            .WithInnerException<OnnxRuntimeException>();
    }

    [Fact]
    public void Open_GarbageModel_ThrowsNamingIt()
    {
        string path = Path.Combine(_directory, PaddleTextDetector.ModelFileName);
        File.WriteAllText(path, "this is not an ONNX model, just some text\n");

        var open = () => PaddleOcrEngine.Open(PaddleOcrTestAssets.Environment, _directory);

        open.Should().Throw<OcrModelException>().Where(e => e.Message.Contains(path) && e.Message.Contains("cannot be loaded"));
    }

    [Fact]
    public void Open_ClassifierInPlaceOfRecognizer_ThrowsSayingItIsNotARecognitionModel()
    {
        string path = Path.Combine(_directory, PaddleTextRecognizer.ModelFileName);
        File.Copy(Path.Combine(_directory, PaddleAngleClassifier.ModelFileName), path, overwrite: true);

        var open = () => PaddleOcrEngine.Open(PaddleOcrTestAssets.Environment, _directory);

        open.Should().Throw<OcrModelException>().Where(e => e.Message.Contains(path) && e.Message.Contains("not a PP-OCR recognition model"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(-3000)]
    public void Open_DictionaryWithWrongLineCount_ThrowsNamingItAndTheCounts(int change)
    {
        string path = Path.Combine(_directory, PaddleTextRecognizer.DictionaryFileName);
        var lines = File.ReadAllLines(path).ToList();
        if (change > 0)
        {
            lines.Add("額外");
        }
        else
        {
            lines.RemoveRange(lines.Count + change, -change);
        }

        File.WriteAllLines(path, lines);

        var open = () => PaddleOcrEngine.Open(PaddleOcrTestAssets.Environment, _directory);

        open.Should().Throw<OcrModelException>()
            .Where(e => e.ModelPath == path && e.Message.Contains(path) && e.Message.Contains("6625") && e.Message.Contains($"{6623 + change} characters"));
    }

    [Fact]
    public void Open_EmptyDictionary_ThrowsNamingIt()
    {
        string path = Path.Combine(_directory, PaddleTextRecognizer.DictionaryFileName);
        File.WriteAllText(path, "");

        var open = () => PaddleOcrEngine.Open(PaddleOcrTestAssets.Environment, _directory);

        open.Should().Throw<OcrModelException>().Where(e => e.Message.Contains(path) && e.Message.Contains("empty"));
    }

    [Fact]
    public void Open_ClassifierDisabled_DoesNotNeedItsFile()
    {
        File.Delete(Path.Combine(_directory, PaddleAngleClassifier.ModelFileName));

        using var engine = PaddleOcrEngine.Open(PaddleOcrTestAssets.Environment, _directory, new PaddleOcrOptions { UseAngleClassifier = false });

        engine.Classifier.Should().BeNull();
    }
}
