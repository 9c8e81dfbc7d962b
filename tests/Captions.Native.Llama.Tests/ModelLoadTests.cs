namespace Captions.Native.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class ModelLoadTests(TinyModelFixture fixture)
{
    [Fact]
    public void LoadFromFile_TinyModel_ReportsItsDimensions()
    {
        fixture.Weights.EmbeddingSize.Should().Be(64);
        fixture.Weights.VocabCount.Should().Be(151936);
        // 5.9 MB of tokenizer KVs + two Q4_0 151,936 x 64 matrices (token_embd, output) of 5.47 MB each.
        fixture.ModelSize.Should().BeInRange(16_500_000, 17_500_000);
        LlamaLibrary.BackendDeviceCount.Should().BeGreaterThan(0);
    }

    [Fact]
    public void LoadFromFile_Missing_NamesTheFile()
    {
        string path = Path.Combine(fixture.TempDirectory, "absent.gguf");

        Action act = () => LLamaWeights.LoadFromFile(new ModelParams(path));

        act.Should().Throw<LlamaModelException>().Where(e => e.ModelPath == path && e.Message.Contains("does not exist") && e.Message.Contains(path));
    }

    [Fact]
    public void LoadFromFile_WrongMagic_NamesTheFile()
    {
        string path = Path.Combine(fixture.TempDirectory, "not-gguf.gguf");
        File.WriteAllBytes(path, "GGML0000 not a gguf file at all"u8.ToArray());

        Action act = () => LLamaWeights.LoadFromFile(new ModelParams(path));

        act.Should().Throw<LlamaModelException>().Where(e => e.ModelPath == path && e.Message.Contains("not GGUF"));
    }

    [Fact]
    public void LoadFromFile_HeaderOnly_IsTruncated()
    {
        string path = Path.Combine(fixture.TempDirectory, "four-bytes.gguf");
        File.WriteAllBytes(path, "GGUF"u8.ToArray());

        Action act = () => LLamaWeights.LoadFromFile(new ModelParams(path));

        act.Should().Throw<LlamaModelException>().Where(e => e.ModelPath == path && e.Message.Contains("truncated"));
    }

    [Fact]
    public void LoadFromFile_CutInHalf_LlamaCppRejectsItNamingTheFile()
    {
        string path = Path.Combine(fixture.TempDirectory, "half.gguf");
        byte[] bytes = File.ReadAllBytes(fixture.ModelPath);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Action act = () => LLamaWeights.LoadFromFile(new ModelParams(path));

        act.Should().Throw<LlamaModelException>()
            .Where(e => e.ModelPath == path && e.Message.Contains("could not load") && e.Message.Contains(path) && !e.Message.Contains("no reason logged"));
    }

    [Fact]
    public void LoadFromFile_VocabOnly_TemplatesAndTokenises()
    {
        using LLamaWeights vocab = LLamaWeights.LoadFromFile(new ModelParams(fixture.VocabPath) { VocabOnly = true });

        vocab.Tokenize("Hello world", addBos: false, special: false).Should().Equal(9707, 1879);
        vocab.ApplyChatTemplate([new("user", "hi")], addAssistant: true).Should().EndWith("<|im_start|>assistant\n");
    }

    [Fact]
    public void Dispose_WeightsTwice_DoesNotThrow()
    {
        LLamaWeights weights = LLamaWeights.LoadFromFile(fixture.Parameters);

        weights.Dispose();
        weights.Dispose();

        Action act = () => weights.Tokenize("x", addBos: false, special: false);
        act.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Dispose_WeightsBeforeContext_ContextStillGenerates()
    {
        LLamaWeights weights = LLamaWeights.LoadFromFile(fixture.Parameters);
        using LLamaContext context = weights.CreateContext(fixture.Parameters);
        int[] prompt = weights.Tokenize("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", addBos: false, special: true);

        weights.Dispose();
        int[] tokens = [.. context.GenerateTokens(prompt, new InferenceParams { MaxTokens = 4 })];

        tokens.Should().HaveCount(4);
    }
}
