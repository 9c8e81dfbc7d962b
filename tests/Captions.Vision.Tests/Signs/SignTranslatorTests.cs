using Captions.Engine.Translation;
using Captions.TestKit.Logging;
using Captions.TestKit.Time;
using Captions.TestKit.Translation;
using Captions.Vision.Signs;

namespace Captions.Vision.Tests.Signs;

public sealed class SignTranslatorTests
{
    [Fact(Timeout = 10_000)]
    public async Task Request_SameTextWhileInFlightAndAfter_OneRequestThenCacheHit()
    {
        var gate = new TaskCompletionSource();
        var translator = new ScriptedTranslator { BeforeEachWord = _ => gate.Task };
        var cache = new TranslationCache();
        await using var signs = new SignTranslator(translator, cache, "es", new ManualTimeProvider());

        signs.Request("Exit now", "en", out var first).Should().BeNull("the translation has not arrived");
        signs.Request("EXIT  now", "en", out var joined).Should().BeNull();
        signs.Poll("Exit now", "en", out _).Should().BeNull("still in flight");
        gate.SetResult();
        await signs.DrainAsync(CancellationToken.None);

        signs.Poll("Exit now", "en", out var arrivedAt).Should().Be("es:Exit es:now");
        arrivedAt.Should().BeGreaterThan(0);
        signs.Request("exit now", "en", out var third).Should().Be("es:Exit es:now");
        (first, joined, third).Should().Be((true, false, false));
        signs.Requests.Should().Be(1);
        signs.CacheHits.Should().Be(1);
        translator.Calls.Should().ContainSingle();
    }

    [Fact(Timeout = 10_000)]
    public async Task Request_TranslatorFails_ReturnsNullNeverRetriesLogsOncePerKind()
    {
        var translator = new ScriptedTranslator { Fail = _ => new TranslationException(TranslationFailureKind.Unreachable, "http://127.0.0.1:9 refused the connection") };
        var log = new ListLogger();
        await using var signs = new SignTranslator(translator, new TranslationCache(), "es", new ManualTimeProvider(), log);

        signs.Request("Exit", "en", out _);
        signs.Request("Entrance", "en", out _);
        await signs.DrainAsync(CancellationToken.None);
        signs.Request("Exit", "en", out var again).Should().BeNull();
        signs.Poll("Exit", "en", out _).Should().BeNull();

        again.Should().BeFalse("a failed text is not retried every frame");
        signs.Failures.Should().Be(2);
        signs.Requests.Should().Be(2);
        log.Messages.Should().ContainSingle().Which.Should().Contain("Unreachable");
    }

    [Fact]
    public void Request_NoTranslator_ReturnsNullWithoutCounting()
    {
        var signs = new SignTranslator(null, new TranslationCache(), "es", new ManualTimeProvider());

        signs.Request("Exit", "en", out var requested).Should().BeNull();
        requested.Should().BeFalse();
        signs.IsEnabled.Should().BeFalse();
        signs.Requests.Should().Be(0);
    }
}
