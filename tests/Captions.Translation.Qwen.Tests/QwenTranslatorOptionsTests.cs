namespace Captions.Translation.Qwen.Tests;

public sealed class QwenTranslatorOptionsTests
{
    [Fact]
    public void FromEnvironment_NoBaseUrl_ReturnsNull()
    {
        QwenTranslatorOptions.FromEnvironment(_ => null).Should().BeNull();
    }

    [Fact]
    public void FromEnvironment_PresetName_UsesPresetUrlAndModel()
    {
        var options = QwenTranslatorOptions.FromEnvironment(Variables(("CAPTIONS_QWEN_BASE_URL", "dashscope"), ("CAPTIONS_QWEN_API_KEY", "sk-1")))!;

        options.BaseUrl.Should().Be(new Uri("https://dashscope-intl.aliyuncs.com/compatible-mode/v1"));
        options.Model.Should().Be("qwen-plus");
        options.ApiKey.Should().Be("sk-1");
    }

    [Fact]
    public void FromEnvironment_OllamaUrlWithoutModel_UsesOllamaDefault()
    {
        var options = QwenTranslatorOptions.FromEnvironment(Variables(("CAPTIONS_QWEN_BASE_URL", "http://localhost:11434/v1")))!;

        options.Model.Should().Be("qwen2.5:1.5b");
        options.ApiKey.Should().BeNull();
    }

    [Fact]
    public void FromEnvironment_ExplicitModel_Wins()
    {
        var options = QwenTranslatorOptions.FromEnvironment(Variables(("CAPTIONS_QWEN_BASE_URL", "http://gpu-box:9000/v1"), ("CAPTIONS_QWEN_MODEL", "qwen3-8b")))!;

        options.BaseUrl.Should().Be(new Uri("http://gpu-box:9000/v1"));
        options.Model.Should().Be("qwen3-8b");
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/v1")]
    public void FromEnvironment_BadBaseUrl_ThrowsNamingVariable(string value)
    {
        var act = () => QwenTranslatorOptions.FromEnvironment(Variables(("CAPTIONS_QWEN_BASE_URL", value)));

        act.Should().Throw<ArgumentException>().WithMessage("*CAPTIONS_QWEN_BASE_URL*");
    }

    [Fact]
    public void FromEnvironment_UnknownEndpointWithoutModel_ThrowsNamingModelVariable()
    {
        var act = () => QwenTranslatorOptions.FromEnvironment(Variables(("CAPTIONS_QWEN_BASE_URL", "https://user:sk-secret@proxy.example/v1?key=sk-secret")));

        act.Should().Throw<ArgumentException>().WithMessage("*CAPTIONS_QWEN_MODEL*proxy.example/v1*").Which.Message.Should().NotContain("sk-secret");
    }

    [Fact]
    public void ToString_NeverShowsKey()
    {
        var options = QwenTranslatorOptions.FromPreset(QwenEndpointPreset.DashScope, apiKey: "sk-secret");

        options.ToString().Should().NotContain("sk-secret");
    }

    [Fact]
    public void OutputTokenBudget_ScalesWithTextAndIsCapped()
    {
        var options = QwenTranslatorOptions.FromPreset(QwenEndpointPreset.Vllm);

        options.OutputTokenBudget(string.Empty).Should().Be(32);
        options.OutputTokenBudget(new string('a', 50)).Should().Be(132);
        options.OutputTokenBudget(new string('a', 100_000)).Should().Be(options.MaxOutputTokens);
    }

    [Fact]
    public void Presets_CoverTheFourServers()
    {
        QwenEndpointPreset.All.Select(p => p.Name).Should().Contain(["dashscope", "vllm", "llama.cpp", "ollama"]);
        QwenEndpointPreset.DashScope.RequiresApiKey.Should().BeTrue();
        QwenEndpointPreset.Ollama.RequiresApiKey.Should().BeFalse();
        QwenEndpointPreset.Find("OLLAMA").Should().BeSameAs(QwenEndpointPreset.Ollama);
    }

    [Fact]
    public void DescribeEndpoint_DropsUserInfoAndQuery()
    {
        QwenTranslator.DescribeEndpoint(new Uri("https://user:sk-secret@proxy.example:8443/v1/?key=sk-secret"))
            .Should().Be("https://proxy.example:8443/v1");
    }

    [Fact]
    public async Task TranslateAsync_DashScopeWithoutKey_FailsUnauthorizedNamingVariable()
    {
        await using var translator = new QwenTranslator(QwenTranslatorOptions.FromPreset(QwenEndpointPreset.DashScope));

        var act = () => QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request());

        var failure = (await act.Should().ThrowAsync<Captions.Engine.Translation.TranslationException>()).Which;
        failure.Kind.Should().Be(Captions.Engine.Translation.TranslationFailureKind.Unauthorized);
        failure.Message.Should().Contain("dashscope-intl.aliyuncs.com").And.Contain("CAPTIONS_QWEN_API_KEY");
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
