using Captions.Engine.Hosting;
using Captions.Native.OnnxRuntime;

namespace Captions.Vision.PaddleOcr.Tests;

/// <summary>The bootstrap's ORT library and PP-OCR models, one engine shared by the tests of a class; a missing file fails the test saying how to get it.</summary>
internal static class PaddleOcrTestAssets
{
    private static readonly Lazy<PaddleOcrEngine> s_engine = new(() => PaddleOcrEngine.Open(Environment, ModelDirectory));

    public static CaptionsPaths Paths { get; } = CaptionsPaths.FromEnvironment();

    public static string LibraryPath => Require(Paths.OnnxRuntimeLibraryPath);

    public static string ModelDirectory
    {
        get
        {
            Require(Path.Combine(Paths.OcrModelDirectory, PaddleTextDetector.ModelFileName));
            return Paths.OcrModelDirectory;
        }
    }

    public static OrtEnvironment Environment => OrtEnvironment.GetOrCreate(LibraryPath);

    /// <summary>Shared across tests: loading the three models costs about a second. Tests run one class at a time
    /// here (xunit runs a collection's tests sequentially and every class using it is in one collection).</summary>
    public static PaddleOcrEngine Engine => s_engine.Value;

    public static string ModelPath(string fileName) => Path.Combine(ModelDirectory, fileName);

    public static string Require(string path)
    {
        if (!File.Exists(path))
        {
            Assert.Fail($"'{path}' is missing: run ./scripts/bootstrap.sh");
        }

        return path;
    }
}
