namespace Captions.Native.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class ChatTemplateTests(TinyModelFixture fixture)
{
    [Fact]
    public void ApplyChatTemplate_SystemAndUser_UsesQwenChatMl()
    {
        LlamaChatMessage[] chat =
        [
            new("system", "Translate English to Spanish."),
            new("user", "where is the train station"),
        ];

        string prompt = fixture.Weights.ApplyChatTemplate(chat, addAssistant: true);

        prompt.Should().Be(
            "<|im_start|>system\nTranslate English to Spanish.<|im_end|>\n"
            + "<|im_start|>user\nwhere is the train station<|im_end|>\n"
            + "<|im_start|>assistant\n");
    }

    [Fact]
    public void ApplyChatTemplate_WithoutAssistant_EndsAfterLastTurn()
    {
        string prompt = fixture.Weights.ApplyChatTemplate([new("user", "hola")], addAssistant: false);

        prompt.Should().Contain("<|im_start|>user\nhola<|im_end|>").And.NotContain("assistant");
    }

    [Fact]
    public void ChatTemplate_FromVocab_IsQwensJinja()
    {
        fixture.Weights.ChatTemplate.Should().Contain("<|im_start|>").And.Contain("{% for message in messages %}");
    }
}
