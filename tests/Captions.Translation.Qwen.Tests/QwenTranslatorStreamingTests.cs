using Captions.Engine.Translation;
using Captions.TestKit.Translation;

namespace Captions.Translation.Qwen.Tests;

public sealed class QwenTranslatorStreamingTests : IAsyncLifetime
{
    private const string Spanish = "Hola mundo, ¿cómo estás hoy?";
    private OpenAiLoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiLoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TranslateAsync_StreamingAnswer_YieldsGrowingTextThenComplete()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish);
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var updates = await QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request());

        updates.Count.Should().BeGreaterThan(2, "the answer streams in several tokens");
        updates[^1].Should().Be(new TranslationUpdate(Spanish, IsComplete: true));
        updates.Take(updates.Count - 1).Should().OnlyContain(u => !u.IsComplete);
        for (var i = 1; i < updates.Count; i++)
        {
            updates[i].Text.Should().StartWith(updates[i - 1].Text.TrimEnd(), "each update extends the previous one");
            updates[i].Text.Length.Should().BeGreaterThanOrEqualTo(updates[i - 1].Text.Length);
        }
    }

    [Fact]
    public async Task TranslateAsync_Request_SendsModelKeySystemPromptAndScaledTokenBudget()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish);
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        await QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request());

        var request = _server.Requests.Should().ContainSingle().Subject;
        request.Model.Should().Be("qwen-test");
        request.Stream.Should().BeTrue();
        request.Authorization.Should().Be($"Bearer {QwenLoopback.ApiKey}");
        request.Messages.Select(m => m.Role).Should().Equal("system", "user");
        request.MaxTokens.Should().Be(QwenLoopback.Options(_server).OutputTokenBudget(QwenLoopback.Request().Text));
    }

    [Fact]
    public async Task TranslateAsync_ThinkBlockAndLabel_AreNeverShownWhileStreaming()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned("<think>The user wants Spanish. Hello means hola.</think>\n\nTranslation: " + Spanish);
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var updates = await QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request());

        updates[^1].Text.Should().Be(Spanish);
        updates.Should().NotContain(u => u.Text.Contains("think", StringComparison.OrdinalIgnoreCase) || u.Text.Contains("user wants", StringComparison.Ordinal));
        updates.Should().NotContain(u => u.Text.StartsWith("Trans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TranslateAsync_CancelledMidStream_ServerObservesAbort()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish) with { TokenDelay = TimeSpan.FromMilliseconds(200) };
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));
        using var cancellation = new CancellationTokenSource();

        var act = async () =>
        {
            await foreach (var update in translator.TranslateAsync(QwenLoopback.Request(), cancellation.Token))
            {
                await cancellation.CancelAsync(); // A newer version of the line arrived after the first words.
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>().WaitAsync(TimeSpan.FromSeconds(30));
        var request = _server.Requests.Should().ContainSingle().Subject;
        await request.WhenAborted.WaitAsync(TimeSpan.FromSeconds(10));
        request.WasAborted.Should().BeTrue();
    }

    [Fact]
    public async Task TranslateAsync_CancelledBeforeFirstToken_ServerObservesAbort()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish) with { FirstByteDelay = TimeSpan.FromSeconds(30) };
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));
        using var cancellation = new CancellationTokenSource();

        var translation = QwenLoopback.CollectAsync(translator, QwenLoopback.Request(), cancellation.Token);
        var request = await _server.WaitForRequestAsync(0).WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        await translation.Invoking(t => t.WaitAsync(TimeSpan.FromSeconds(10))).Should().ThrowAsync<OperationCanceledException>();
        await request.WhenAborted.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TranslateAsync_ManySequentialRequests_ReuseOneConnection()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish);
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        for (var i = 0; i < 20; i++)
        {
            await QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request());
        }

        _server.RequestCount.Should().Be(20);
        _server.ConnectionCount.Should().Be(1, "keep-alive reuses the pooled connection for every caption");
    }

    [Fact]
    public async Task TranslateAsync_ConcurrentCalls_EachGetsItsOwnTranslation()
    {
        _server.DefaultBehavior = LoopbackBehavior.Translate(user => user.Contains("one", StringComparison.Ordinal) ? "Primera frase de prueba" : "Segunda frase de prueba")
            with { TokenDelay = TimeSpan.FromMilliseconds(5) };
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var first = Enumerable.Range(0, 4).Select(_ => QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request("Test sentence number one"))).ToList();
        var second = Enumerable.Range(0, 4).Select(_ => QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request("Test sentence number two"))).ToList();
        var results = await Task.WhenAll(first.Concat(second));

        results.Take(4).Select(updates => updates.Last().Text).Should().AllBe("Primera frase de prueba");
        results.Skip(4).Select(updates => updates.Last().Text).Should().AllBe("Segunda frase de prueba");
    }

    [Fact]
    public async Task TranslateAsync_EmptyText_CompletesEmptyWithoutRequest()
    {
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var updates = await QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request("  \n "));

        updates.Should().Equal(new TranslationUpdate(string.Empty, IsComplete: true));
        _server.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task TranslateAsync_HugeText_IsRejectedWithoutRequest()
    {
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var act = () => QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request(new string('a', 5000)));

        (await act.Should().ThrowAsync<TranslationException>()).Which.Kind.Should().Be(TranslationFailureKind.Rejected);
        _server.RequestCount.Should().Be(0);
    }
}
