using Captions.TestKit.Models;

namespace Captions.Native.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class GenerationTests(TinyModelFixture fixture)
{
    private static readonly InferenceParams s_greedy16 = new() { MaxTokens = 16, Temperature = 0 };

    [Fact]
    public void GenerateTokens_Greedy_IsDeterministicAndVaried()
    {
        using LLamaContext context = fixture.Weights.CreateContext(fixture.Parameters);
        context.ReusePrefix = false;
        int[] prompt = Prompt("where is the train station");

        int[] first = [.. context.GenerateTokens(prompt, s_greedy16)];
        int[] second = [.. context.GenerateTokens(prompt, s_greedy16)];

        first.Should().HaveCount(16).And.Equal(second);
        first.Distinct().Should().HaveCountGreaterThan(1, "a separate output.weight keeps random weights from echoing one token");
    }

    [Fact]
    public void Generate_Text_EqualsDetokenizedTokens()
    {
        using LLamaContext context = fixture.Weights.CreateContext(fixture.Parameters);
        int[] prompt = Prompt("good morning");

        int[] tokens = [.. context.GenerateTokens(prompt, s_greedy16)];
        string text = string.Concat(context.Generate(prompt, s_greedy16));

        text.Should().Be(fixture.Weights.Detokenize(tokens));
    }

    [Fact]
    public void GenerateTokens_SeededTemperature_SameSeedSameOutput()
    {
        using LLamaContext context = fixture.Weights.CreateContext(fixture.Parameters);
        int[] prompt = Prompt("hello");
        var a = new InferenceParams { MaxTokens = 12, Temperature = 0.9f, Seed = 7 };

        int[] first = [.. context.GenerateTokens(prompt, a)];
        int[] again = [.. context.GenerateTokens(prompt, a)];

        first.Should().Equal(again);
    }

    [Fact]
    public void GenerateTokens_ModelPicksEog_StopsWithoutYieldingIt()
    {
        // With output.weight tied to token_embd, random weights echo the last input token (NATIVE.md): a prompt
        // ending in <|im_end|> makes greedy decoding pick <|im_end|> first, so a correct stop yields nothing.
        string path = Path.Combine(fixture.TempDirectory, "tied.gguf");
        GgufWriter.WriteQwen2(path, fixture.VocabPath, GgufWriterOptions.Tiny with { SeparateOutput = false });
        using LLamaWeights tied = LLamaWeights.LoadFromFile(new ModelParams(path));
        using LLamaContext context = tied.CreateContext(new ModelParams(path) { ContextSize = 512, BatchSize = 128 });
        int imEnd = tied.Tokenize("<|im_end|>", addBos: false, special: true).Single();
        int hello = tied.Tokenize(" hello", addBos: false, special: false).Single();
        int[] endsInEog = tied.Tokenize("<|im_start|>user\nhi<|im_end|>", addBos: false, special: true);
        int[] endsInHello = tied.Tokenize("<|im_start|>user\nhi hello", addBos: false, special: true);
        endsInEog[^1].Should().Be(imEnd);

        int[] stopped = [.. context.GenerateTokens(endsInEog, new InferenceParams { MaxTokens = 8 })];
        int[] echoed = [.. context.GenerateTokens(endsInHello, new InferenceParams { MaxTokens = 2 })];

        echoed.Should().StartWith([hello], "the tied model echoes its last token, which makes the EOG case meaningful");
        stopped.Should().BeEmpty();
    }

    [Fact]
    public void GenerateTokens_CancelledMidway_ThrowsBetweenTokens()
    {
        using LLamaContext context = fixture.Weights.CreateContext(fixture.Parameters);
        using var cts = new CancellationTokenSource();
        var produced = new List<int>();

        Action act = () =>
        {
            foreach (int token in context.GenerateTokens(Prompt("count to a hundred"), new InferenceParams { MaxTokens = 400 }, cts.Token))
            {
                produced.Add(token);
                if (produced.Count == 3)
                {
                    cts.Cancel();
                }
            }
        };

        act.Should().Throw<OperationCanceledException>();
        produced.Should().HaveCount(3);
    }

    [Fact]
    public void GenerateTokens_PrefixReuse_SameTokensFewerDecodes()
    {
        int[] first = Prompt("the first caption line");
        int[] second = Prompt("a different second line");
        var inference = new InferenceParams { MaxTokens = 8 };

        using LLamaContext cold = fixture.Weights.CreateContext(fixture.Parameters);
        cold.ReusePrefix = false;
        _ = cold.GenerateTokens(first, inference).ToArray();
        long coldBefore = cold.DecodedTokenCount;
        int[] coldTokens = [.. cold.GenerateTokens(second, inference)];
        long coldDecoded = cold.DecodedTokenCount - coldBefore;

        using LLamaContext warm = fixture.Weights.CreateContext(fixture.Parameters);
        _ = warm.GenerateTokens(first, inference).ToArray();
        long warmBefore = warm.DecodedTokenCount;
        int[] warmTokens = [.. warm.GenerateTokens(second, inference)];
        long warmDecoded = warm.DecodedTokenCount - warmBefore;

        warmTokens.Should().Equal(coldTokens);
        cold.LastReusedTokenCount.Should().Be(0);
        warm.LastReusedTokenCount.Should().BeGreaterThan(10, "the system turn is shared");
        warmDecoded.Should().Be(coldDecoded - warm.LastReusedTokenCount);
    }

    [Fact]
    public void GenerateTokens_SamePromptTwice_ReusesAllButLastToken()
    {
        using LLamaContext context = fixture.Weights.CreateContext(fixture.Parameters);
        int[] prompt = Prompt("repeat me");
        var inference = new InferenceParams { MaxTokens = 4 };

        int[] first = [.. context.GenerateTokens(prompt, inference)];
        int[] second = [.. context.GenerateTokens(prompt, inference)];

        second.Should().Equal(first);
        context.LastReusedTokenCount.Should().Be(prompt.Length - 1);
    }

    [Fact]
    public void GenerateTokens_PromptLongerThanContext_ThrowsDecodeException()
    {
        using LLamaContext context = fixture.Weights.CreateContext(fixture.Parameters);
        int[] prompt = Enumerable.Repeat(9707, context.ContextSize).ToArray();

        Action act = () => context.GenerateTokens(prompt, s_greedy16);

        act.Should().Throw<LlamaDecodeException>().WithMessage($"*{context.ContextSize}*");
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrowAndUseAfterThrows()
    {
        LLamaContext context = fixture.Weights.CreateContext(fixture.Parameters);

        context.Dispose();
        context.Dispose();

        Action act = () => context.GenerateTokens(Prompt("x"), s_greedy16).ToArray();
        act.Should().Throw<ObjectDisposedException>();
    }

    private int[] Prompt(string text)
    {
        string chat = fixture.Weights.ApplyChatTemplate(
            [new("system", "You translate English captions to Spanish. Output only the translation."), new("user", text)],
            addAssistant: true);
        return fixture.Weights.Tokenize(chat, addBos: false, special: true);
    }
}
