using System.Net;
using System.Net.Sockets;
using Captions.Engine.Translation;
using Captions.TestKit.Translation;

namespace Captions.Translation.Qwen.Tests;

public sealed class QwenTranslatorFaultTests : IAsyncLifetime
{
    private const string Spanish = "Hola mundo, ¿cómo estás hoy?";
    private OpenAiLoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiLoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<int, TranslationFailureKind> Statuses => new()
    {
        { 401, TranslationFailureKind.Unauthorized },
        { 403, TranslationFailureKind.Unauthorized },
        { 429, TranslationFailureKind.RateLimited },
        { 500, TranslationFailureKind.ServerError },
        { 503, TranslationFailureKind.ServerError },
        { 404, TranslationFailureKind.ModelUnavailable },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task TranslateAsync_HttpStatus_MapsToKindNamingEndpointWithoutKey(int status, TranslationFailureKind kind)
    {
        _server.DefaultBehavior = LoopbackBehavior.Fail(status);
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var failure = await FailAsync(translator);

        failure.Kind.Should().Be(kind);
        AssertNamesEndpointWithoutKey(failure);
    }

    [Fact]
    public async Task TranslateAsync_WrongKeyEchoedByServer_KeyAppearsNowhereInException()
    {
        _server.RequiredApiKey = "sk-the-right-one";
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var failure = await FailAsync(translator);

        failure.Kind.Should().Be(TranslationFailureKind.Unauthorized);
        _server.Requests.Should().ContainSingle("401 is not transient: no retry");
        AssertNamesEndpointWithoutKey(failure);
    }

    [Fact]
    public async Task TranslateAsync_NothingListening_IsUnreachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // The port is now closed: connection refused.
        var options = QwenLoopback.Options(_server);
        await using var translator = new QwenTranslator(new QwenTranslatorOptions
        {
            BaseUrl = new Uri($"http://127.0.0.1:{port}/v1"),
            Model = options.Model,
            ApiKey = options.ApiKey,
            RequestTimeout = options.RequestTimeout,
            FirstTokenTimeout = options.FirstTokenTimeout,
        });

        var failure = await FailAsync(translator);

        failure.Kind.Should().Be(TranslationFailureKind.Unreachable);
        failure.Message.Should().Contain($"127.0.0.1:{port}").And.NotContain(QwenLoopback.ApiKey);
    }

    [Fact]
    public async Task TranslateAsync_NoFirstToken_TimesOutAndAbortsRequest()
    {
        // The first request is answered, so the connection is open and the client code is jitted before the timed
        // request: on a cold machine, connecting alone can outlast the budget, and the server would then see nothing.
        _server.Enqueue(LoopbackBehavior.Canned(Spanish));
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish) with { FirstByteDelay = TimeSpan.FromSeconds(60) };
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server, firstTokenTimeout: TimeSpan.FromSeconds(1)));
        (await QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request()))[^1].Text.Should().Be(Spanish);

        var failure = await FailAsync(translator);

        failure.Kind.Should().Be(TranslationFailureKind.Timeout);
        failure.Message.Should().Contain("first token");
        AssertNamesEndpointWithoutKey(failure);
        _server.RequestCount.Should().Be(2, "a timeout is not retried: the caption's budget is spent");
        await _server.Requests[1].WhenAborted.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TranslateAsync_StreamStallsMidWay_TimesOutAfterYieldingPartialText()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish) with { StallAfterTokens = 2 };
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server, stallTimeout: TimeSpan.FromMilliseconds(300)));
        var shown = new List<TranslationUpdate>();

        var act = async () =>
        {
            await foreach (var update in translator.TranslateAsync(QwenLoopback.Request(), CancellationToken.None))
            {
                shown.Add(update);
            }
        };

        var failure = (await act.Should().ThrowAsync<TranslationException>().WaitAsync(TimeSpan.FromSeconds(30))).Which;
        failure.Kind.Should().Be(TranslationFailureKind.Timeout);
        failure.Message.Should().Contain("stalled");
        shown.Should().NotBeEmpty().And.OnlyContain(u => !u.IsComplete);
        _server.Requests.Should().ContainSingle("never retry after tokens were shown");
        await _server.Requests[0].WhenAborted.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TranslateAsync_StreamCutMidWay_IsServerErrorWithoutRetry()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish) with { DropAfterTokens = 3 };
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var failure = await FailAsync(translator);

        failure.Kind.Should().Be(TranslationFailureKind.ServerError, failure.ToString());
        AssertNamesEndpointWithoutKey(failure);
        _server.Requests.Should().ContainSingle("never retry after tokens streamed");
    }

    [Fact]
    public async Task TranslateAsync_MalformedChunk_IsServerError()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish) with { MalformedAfterTokens = 2 };
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var failure = await FailAsync(translator);

        failure.Kind.Should().Be(TranslationFailureKind.ServerError);
        failure.Message.Should().Contain("malformed");
        AssertNamesEndpointWithoutKey(failure);
    }

    [Fact]
    public async Task TranslateAsync_MalformedFirstChunk_IsServerErrorWithoutRetry()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish) with { MalformedAfterTokens = 0 };
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var failure = await FailAsync(translator);

        failure.Kind.Should().Be(TranslationFailureKind.ServerError);
        _server.Requests.Should().ContainSingle("a protocol error does not go away on retry");
    }

    [Fact]
    public async Task TranslateAsync_OneServerErrorThenHealthy_RetriesOnceAndSucceeds()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish);
        _server.Enqueue(LoopbackBehavior.Fail(503));
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var updates = await QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request());

        updates[^1].Should().Be(new TranslationUpdate(Spanish, IsComplete: true));
        _server.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task TranslateAsync_ConnectionDroppedBeforeFirstToken_RetriesOnceAndSucceeds()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish);
        _server.Enqueue(LoopbackBehavior.Canned(Spanish) with { DropAfterTokens = 0 });
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var updates = await QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request());

        updates[^1].Text.Should().Be(Spanish);
        _server.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task TranslateAsync_ServerErrorsPersist_RetriesAtMostOnce()
    {
        _server.DefaultBehavior = LoopbackBehavior.Fail(500);
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        var failure = await FailAsync(translator);

        failure.Kind.Should().Be(TranslationFailureKind.ServerError);
        _server.RequestCount.Should().Be(2, "one attempt and one retry, never more");
    }

    [Fact]
    public async Task TranslateAsync_RateLimited_IsNotRetried()
    {
        _server.DefaultBehavior = LoopbackBehavior.Fail(429);
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        (await FailAsync(translator)).Kind.Should().Be(TranslationFailureKind.RateLimited);

        _server.RequestCount.Should().Be(1, "retrying into a rate limit makes it worse");
    }

    [Fact]
    public async Task TranslateAsync_EndpointHealthyAgain_RecoversOnNextCaption()
    {
        _server.Enqueue(LoopbackBehavior.Fail(500), LoopbackBehavior.Fail(500), LoopbackBehavior.Fail(429));
        _server.DefaultBehavior = LoopbackBehavior.Canned(Spanish);
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));

        (await FailAsync(translator)).Kind.Should().Be(TranslationFailureKind.ServerError);
        (await FailAsync(translator)).Kind.Should().Be(TranslationFailureKind.RateLimited);
        var updates = await QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request());

        updates[^1].Should().Be(new TranslationUpdate(Spanish, IsComplete: true));
    }

    [Fact]
    public async Task TranslateAsync_RejectedAnswerAfterPartialText_ThrowsRejected()
    {
        _server.DefaultBehavior = LoopbackBehavior.Canned("Sure! Here is the translation you asked for: Hola mundo");
        await using var translator = new QwenTranslator(QwenLoopback.Options(_server));
        var shown = new List<TranslationUpdate>();

        var act = async () =>
        {
            await foreach (var update in translator.TranslateAsync(QwenLoopback.Request(), CancellationToken.None))
            {
                shown.Add(update);
            }
        };

        var failure = (await act.Should().ThrowAsync<TranslationException>().WaitAsync(TimeSpan.FromSeconds(30))).Which;
        failure.Kind.Should().Be(TranslationFailureKind.Rejected);
        shown.Should().NotBeEmpty("partial text streamed before the whole answer could be judged");
        AssertNamesEndpointWithoutKey(failure);
    }

    private static async Task<TranslationException> FailAsync(QwenTranslator translator)
    {
        var act = () => QwenLoopback.CollectWithTimeoutAsync(translator, QwenLoopback.Request());
        return (await act.Should().ThrowAsync<TranslationException>()).Which;
    }

    private void AssertNamesEndpointWithoutKey(TranslationException failure)
    {
        failure.Message.Should().Contain(QwenTranslator.DescribeEndpoint(_server.BaseUrl)).And.Contain("qwen-test");
        failure.ToString().Should().NotContain(QwenLoopback.ApiKey).And.NotContain("SECRET");
    }
}
