using Captions.Bench.Corpus;
using Captions.Bench.Running;
using Captions.Engine.Metrics;
using Captions.Engine.Speech;
using Captions.Speech.Sphinx;

namespace Captions.Bench.Tests.Running;

public sealed class BenchRunnerTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    private static IReadOnlyList<CorpusItem> LibriVox(int count) =>
        [.. ReferenceCorpus.Load().Take(count).Select(r => new CorpusItem(r.Id, r.WavPath, "real", "en")
        {
            Transcript = r.Reference,
            DurationSeconds = r.ReadMono16k().Length / 16000.0,
        })];

    [Fact]
    public async Task RunAsync_DrivenClockTwice_GivesIdenticalEmissionsAndNumbers()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var items = LibriVox(2);

        var first = await new BenchRunner(BenchMode.Driven).RunAsync(TestBackends.Sphinx(), items, timeout.Token);
        var second = await new BenchRunner(BenchMode.Driven).RunAsync(TestBackends.Sphinx(), items, timeout.Token);

        first.Items.Should().OnlyContain(i => i.Status == "ok");
        first.Items.SelectMany(i => i.Emissions).Should().NotBeEmpty();
        second.Items.SelectMany(i => i.Emissions).Should().Equal(first.Items.SelectMany(i => i.Emissions));
        second.Summary.NormalisedErasure.Should().Be(first.Summary.NormalisedErasure);
        second.Summary.ErrorRate.Should().Be(first.Summary.ErrorRate);
        first.Summary.ErrorRate.Should().BeLessThan(0.6, "pocketsphinx recognises most of these LibriVox words");
    }

    [Fact]
    public async Task RunAsync_DrivenClock_StampsVersionsOnTheAudioTimeline()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var item = LibriVox(1)[0];

        var run = await new BenchRunner(BenchMode.Driven).RunAsync(TestBackends.Sphinx(), [item], timeout.Token);

        var emissions = run.Items[0].Emissions;
        emissions.Should().OnlyContain(e => e.CapturedSeconds > 0 && e.CapturedSeconds <= item.DurationSeconds + 0.021);
        emissions.Should().OnlyContain(e => e.AsrSeconds == e.CapturedSeconds && e.MtSeconds == null && e.PresentedSeconds == null);
        emissions.Select(e => e.CapturedSeconds).Should().BeInAscendingOrder("audio is heard in order");
        run.Items[0].Stages.AsrSeconds.Should().BeGreaterThan(0, "the recogniser did real work");
    }

    [Fact]
    public async Task RunAsync_RealTime_StampsEachVersionAfterTheAudioItIncludes()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var item = LibriVox(1)[0];

        var run = await new BenchRunner(BenchMode.RealTime).RunAsync(TestBackends.Sphinx(), [item], timeout.Token);

        var result = run.Items[0];
        result.Status.Should().Be("ok");
        result.Emissions.Should().NotBeEmpty();
        result.Emissions.Should().OnlyContain(e => e.AsrSeconds >= e.CapturedSeconds && e.CapturedSeconds > 0);
        result.WallSeconds.Should().BeGreaterThanOrEqualTo(item.DurationSeconds * 0.95, "real-time pacing plays the whole clip");
    }

    [Fact]
    public async Task RunAsync_BackendFailsMidItem_KeepsWhatCompletedAndRunsTheRest()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var items = LibriVox(2);
        var failOnce = 0;
        var configuration = new BenchConfiguration("flaky", _ =>
        {
            ISpeechRecognizer recognizer = Interlocked.Increment(ref failOnce) == 1
                ? new FailingRecognizer(new SphinxRecognizer(), failAfterSamples: 16000 * 2)
                : new SphinxRecognizer();
            return ValueTask.FromResult<IBenchBackends>(new TestBackends(recognizer));
        });

        var run = await new BenchRunner(BenchMode.Driven).RunAsync(configuration, items, timeout.Token);

        run.Items.Should().HaveCount(2);
        run.Items.Should().OnlyContain(i => i.Status == "failed");
        run.Items[0].Error.Should().Contain("recogniser crashed");
        run.Items[0].Metrics.Should().NotBeNull();
    }

    [Fact]
    public async Task RunAsync_EnginesDoNotLoad_MarksEveryItemNotRunWithTheReason()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var configuration = new BenchConfiguration("broken", _ => throw new FileNotFoundException("model 'x.bin' does not exist"));

        var run = await new BenchRunner(BenchMode.Driven).RunAsync(configuration, LibriVox(2), timeout.Token);

        run.Items.Should().HaveCount(2).And.OnlyContain(i => i.Status == "not run" && i.Error!.Contains("x.bin"));
        run.Description.Should().Contain("x.bin");
    }

    [Fact]
    public async Task RunAsync_CorruptWav_FailsThatItemByNameAndRunsTheNext()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var bad = Path.Combine(Path.GetTempPath(), $"captions-bench-bad-{Guid.NewGuid():N}.wav");
        await File.WriteAllTextAsync(bad, "RIFF not really a wave file", timeout.Token);
        try
        {
            var items = new List<CorpusItem> { new("bad", bad, "real", "en") { DurationSeconds = 1 } };
            items.AddRange(LibriVox(1));

            var run = await new BenchRunner(BenchMode.Driven).RunAsync(TestBackends.Sphinx(), items, timeout.Token);

            run.Items[0].Status.Should().Be("failed");
            run.Items[0].Error.Should().Contain(Path.GetFileName(bad));
            run.Items[1].Status.Should().Be("ok");
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task RunAsync_ItemInALanguageTheRecogniserDoesNotHear_IsSkippedWithTheReason()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var english = LibriVox(1)[0];
        var spanish = english with { Id = "es-clip", Language = "es" };
        var configuration = new BenchConfiguration("en-only", _ =>
            ValueTask.FromResult<IBenchBackends>(new TestBackends(new SphinxRecognizer()) { Languages = new HashSet<string> { "en" } }));

        var run = await new BenchRunner(BenchMode.Driven).RunAsync(configuration, [spanish, english], timeout.Token);

        run.Items[0].Status.Should().Be("skipped");
        run.Items[0].Error.Should().Contain("en").And.Contain("es");
        run.Items[1].Status.Should().Be("ok");
        run.Summary.Versions.Should().Be(run.Items[1].Metrics.Versions, "a skipped item adds nothing to the summary");
    }
}
