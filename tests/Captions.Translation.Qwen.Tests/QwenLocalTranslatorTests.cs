using Captions.Engine.Hosting;
using Captions.Engine.Translation;
using Captions.TestKit.Models;

namespace Captions.Translation.Qwen.Tests;

/// <summary>
/// The on-device path end to end with a random-weight qwen2 GGUF that carries the real Qwen2 tokenizer and chat
/// template: the real llama.cpp templates, tokenises and generates; random weights answer junk, which the same
/// validator the remote path uses must reject.
/// </summary>
public sealed class QwenLocalTranslatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("captions-qwen-local-").FullName;
    private readonly CaptionsPaths _paths = CaptionsPaths.FromEnvironment();

    [Fact]
    public async Task Translate_RandomWeights_GeneratesThroughTheTemplateAndRejectsTheJunk()
    {
        await using var translator = Load();
        var request = new TranslationRequest("Where is the train station?", "en", "es");

        Func<Task> act = async () =>
        {
            await foreach (var _ in translator.TranslateAsync(request, CancellationToken.None))
            {
            }
        };

        (await act.Should().ThrowAsync<TranslationException>()).Which.Kind.Should().Be(TranslationFailureKind.Rejected);
        translator.Context.DecodedTokenCount.Should().BeGreaterThan(0, "the prompt went through llama.cpp");
    }

    [Fact]
    public async Task Translate_SecondRequest_ReusesTheSystemPromptFromTheKvCache()
    {
        await using var translator = Load();

        await DrainAsync(translator, "Good morning");
        await DrainAsync(translator, "Emergency exit");

        translator.Context.LastReusedTokenCount.Should().BeGreaterThan(50, "the fixed system prompt (and template header) is not decoded again");
    }

    [Fact]
    public void Load_MissingModel_ThrowsModelUnavailableNamingTheFile()
    {
        var missing = Path.Combine(_directory, "nope.gguf");

        Action act = () => QwenLocalTranslator.Load(_paths.LlamaLibraryDirectory, missing);

        act.Should().Throw<TranslationException>().Where(e => e.Kind == TranslationFailureKind.ModelUnavailable && e.Message.Contains("nope.gguf"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private QwenLocalTranslator Load()
    {
        var model = Path.Combine(_directory, "tiny-qwen2.gguf");
        GgufWriter.WriteQwen2(model, _paths.LlamaQwen2VocabPath, GgufWriterOptions.Tiny);
        return QwenLocalTranslator.Load(_paths.LlamaLibraryDirectory, model, new QwenLocalOptions { ContextSize = 1024, MaxOutputTokens = 24 });
    }

    private static async Task DrainAsync(QwenLocalTranslator translator, string text)
    {
        try
        {
            await foreach (var _ in translator.TranslateAsync(new TranslationRequest(text, "en", "es"), CancellationToken.None))
            {
            }
        }
        catch (TranslationException)
        {
            // Random weights: the answer is junk and rejected; the KV cache is what this test is about.
        }
    }
}
