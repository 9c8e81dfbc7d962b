using Captions.Engine.Hosting;
using Captions.TestKit.Models;

namespace Captions.Native.Llama.Tests;

/// <summary>
/// Writes the tiny random-weight qwen2 GGUF (E=64, 1 layer, real Qwen2 tokenizer) once per test run and loads it.
/// </summary>
public sealed class TinyModelFixture : IDisposable
{
    private readonly string _directory;

    public TinyModelFixture()
    {
        var paths = CaptionsPaths.FromEnvironment();
        VocabPath = paths.LlamaQwen2VocabPath;
        if (!File.Exists(VocabPath) || !Directory.Exists(paths.LlamaLibraryDirectory))
        {
            throw new InvalidOperationException(
                $"llama.cpp or its Qwen2 vocab is missing ({paths.LlamaLibraryDirectory}, {VocabPath}): run ./scripts/bootstrap.sh");
        }

        LlamaLibrary.Load(paths.LlamaLibraryDirectory);
        _directory = Directory.CreateTempSubdirectory("captions-llama-").FullName;
        ModelPath = Path.Combine(_directory, "tiny-qwen2.gguf");
        ModelSize = GgufWriter.WriteQwen2(ModelPath, VocabPath, GgufWriterOptions.Tiny);
        Parameters = new ModelParams(ModelPath) { ContextSize = 512, BatchSize = 128 };
        Weights = LLamaWeights.LoadFromFile(Parameters);
    }

    public string VocabPath { get; }

    public string ModelPath { get; }

    public long ModelSize { get; }

    public ModelParams Parameters { get; }

    public LLamaWeights Weights { get; }

    public string TempDirectory => _directory;

    public void Dispose()
    {
        Weights.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
