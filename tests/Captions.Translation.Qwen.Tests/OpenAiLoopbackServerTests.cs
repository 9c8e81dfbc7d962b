using System.Net;
using System.Text;
using System.Text.Json;
using Captions.TestKit.Translation;

namespace Captions.Translation.Qwen.Tests;

/// <summary>The test server itself: what it sends must look like the real servers, or the fault tests prove nothing.</summary>
public sealed class OpenAiLoopbackServerTests : IAsyncLifetime
{
    private OpenAiLoopbackServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await OpenAiLoopbackServer.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_server.BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Post_Streaming_SendsSseChunksThenDone()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned("Hola mundo");

        var body = await PostAsync(stream: true);

        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        events.Should().AllSatisfy(e => e.Should().StartWith("data: "));
        events[^1].Should().Be("data: [DONE]");
        var contents = events[..^1].Select(e => JsonDocument.Parse(e[6..]).RootElement.GetProperty("choices")[0])
            .Select(c => c.GetProperty("delta").TryGetProperty("content", out var content) ? content.GetString() : null);
        string.Concat(contents).Should().Be("Hola mundo");
        JsonDocument.Parse(events[^2][6..]).RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString().Should().Be("stop");
    }

    [Fact]
    public async Task Post_NonStreaming_ReturnsChatCompletion()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned("Hola mundo");

        var body = await PostAsync(stream: false);

        var choice = JsonDocument.Parse(body).RootElement.GetProperty("choices")[0];
        choice.GetProperty("message").GetProperty("content").GetString().Should().Be("Hola mundo");
        _server.Requests.Should().ContainSingle().Which.Stream.Should().BeFalse();
    }

    [Fact]
    public async Task Post_EchoPrompt_AnswersWithEveryMessageAndRecordsThem()
    {
        _server.DefaultBehavior = LoopbackBehavior.EchoPrompt();

        var body = await PostAsync(stream: false);

        JsonDocument.Parse(body).RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()
            .Should().Be("[system]\nbe brief\n[user]\nhello");
        _server.Requests[0].Messages.Should().Equal(new LoopbackMessage("system", "be brief"), new LoopbackMessage("user", "hello"));
    }

    [Fact]
    public void Tokenize_Answer_PiecesRejoinExactly()
    {
        const string Answer = "Hola mundo, ¿qué tal? 你好世界 👋🏽 end";

        var pieces = OpenAiLoopbackServer.Tokenize(Answer).ToList();

        string.Concat(pieces).Should().Be(Answer);
        pieces.Should().HaveCountGreaterThan(5).And.OnlyContain(p => p.Length <= 5);
    }

    private async Task<string> PostAsync(bool stream)
    {
        var json = JsonSerializer.Serialize(new
        {
            model = "m",
            stream,
            messages = new[] { new { role = "system", content = "be brief" }, new { role = "user", content = "hello" } },
        });
        using var response = await _client.PostAsync("chat/completions", new StringContent(json, Encoding.UTF8, "application/json")).WaitAsync(TimeSpan.FromSeconds(30));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
