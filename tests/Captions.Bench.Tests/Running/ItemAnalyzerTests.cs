using Captions.Bench.Corpus;
using Captions.Bench.Reports;
using Captions.Bench.Running;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Tests.Running;

public sealed class ItemAnalyzerTests
{
    private static readonly CorpusItem s_item = new("clip", "/nonexistent.wav", "real", "en")
    {
        Transcript = "hello world",
        Words = [new ReferenceWord("hello", 0.5, 1.0), new ReferenceWord("world", 1.0, 1.5)],
        DurationSeconds = 4.0,
    };

    private static ReplayOutcome Outcome(params EmissionSample[] emissions) => new(
        emissions,
        new Dictionary<long, (double, double)> { [1] = (0.5, 1.5) },
        new StageTimes(0.04, 0.8, 0),
        4.1,
        Translating: false,
        Error: null);

    [Fact]
    public void Analyze_KnownLog_GivesHandComputedMetrics()
    {
        // hello is shown at 1.2 (lag 0.2) and committed at 2.1 (1.1); world first matches at the commit, 2.1 (0.6).
        var samples = ItemAnalyzer.Analyze(s_item, Outcome(
            new EmissionSample(1, 1, false, "hello", null, 1.1, 1.2, null, null),
            new EmissionSample(1, 2, false, "hello word", null, 1.6, 1.7, null, null),
            new EmissionSample(1, 3, true, "hello world", null, 2.0, 2.1, null, null)));
        var metrics = samples.Run.Metrics;

        samples.Run.WordLags.Select(s => s.FirstShownLagSeconds).Should().Equal([0.2, 0.6], (a, b) => Math.Abs(a!.Value - b) < 1e-9);
        samples.Run.WordLags.Select(s => s.CommitLagSeconds).Should().Equal([1.1, 0.6], (a, b) => Math.Abs(a!.Value - b) < 1e-9);
        metrics.FirstShownP50.Should().BeApproximately(0.4, 1e-9);
        metrics.CommitP50.Should().BeApproximately(0.85, 1e-9);
        metrics.FirstPartialSeconds.Should().BeApproximately(0.7, 1e-9, "first partial at 1.2 after speech onset at 0.5");

        // AL: gamma = 2 words / 4 s; d = (2.1, 2.1); AL = ((2.1 - 0) + (2.1 - 2)) / 2 = 1.1; LAAL equal (|Y| = |Y*|).
        metrics.AverageLagging.Should().BeApproximately(1.1, 1e-9);
        metrics.Laal.Should().BeApproximately(1.1, 1e-9);

        // "hello word" -> "hello world" erases one character ("d"); 11 committed characters.
        metrics.NormalisedErasure.Should().BeApproximately(1.0 / 11, 1e-9);
        metrics.ErrorRate.Should().Be(0);
        metrics.AsrRtf.Should().BeApproximately(0.2, 1e-9);
        metrics.VadRtf.Should().BeApproximately(0.01, 1e-9);
        metrics.WallRtf.Should().BeApproximately(4.1 / 4.0, 1e-9);
        metrics.MtRtf.Should().BeNull("no translator ran");
        metrics.TranslationLagP50.Should().BeNull();
        metrics.PresentedLagP50.Should().BeNull();
        metrics.MissingWords.Should().Be(0);
        metrics.Versions.Should().Be(3);
        samples.Run.Hypothesis.Should().Be("hello world");
        samples.Run.Status.Should().Be("ok");
    }

    [Fact]
    public void Analyze_TranslatedAndPresented_MeasuresTranslationAndFrameLag()
    {
        var samples = ItemAnalyzer.Analyze(s_item, Outcome(
            new EmissionSample(1, 1, false, "hello", "hola", 1.1, 1.2, 1.3, 1.35),
            new EmissionSample(1, 2, true, "hello world", "hola mundo", 2.0, 2.1, 2.5, 2.52)));
        var metrics = samples.Run.Metrics;

        metrics.TranslationLagP50.Should().BeApproximately(0.4, 1e-9, "the commit was recognised at 2.1 and translated at 2.5");
        metrics.PresentedLagP50.Should().BeApproximately(0.035, 1e-9, "frames 0.05 and 0.02 s after the pipeline emitted");
        samples.Run.WordLags[0].FirstShownLagSeconds.Should().BeApproximately(0.35, 1e-9, "shown means on a frame when presented");
        samples.Run.Translation.Should().Be("hola mundo");
        metrics.NormalisedErasure.Should().Be(0, "the translation the wearer reads only grew");
    }

    [Fact]
    public void Analyze_NoTranscriptNoWords_KeepsLatencyAndSaysWhatWasSkipped()
    {
        var item = s_item with { Transcript = null, Words = null };
        var samples = ItemAnalyzer.Analyze(item, Outcome(new EmissionSample(1, 1, true, "hello world", null, 2.0, 2.1, null, null)));

        samples.Run.Errors.Should().BeNull();
        samples.Run.Metrics.ErrorRate.Should().BeNull();
        samples.Run.Metrics.CommitP50.Should().BeNull();
        samples.Run.Notes.Should().Contain(n => n.Contains("WER skipped")).And.Contain(n => n.Contains("word timings"));
        samples.Run.Metrics.AsrRtf.Should().NotBeNull();
    }

    [Fact]
    public void Analyze_ChineseItem_ScoresCharacters()
    {
        var item = s_item with { Language = "zh", Transcript = "你好世界", Words = null };
        var samples = ItemAnalyzer.Analyze(item, Outcome(new EmissionSample(1, 1, true, "你好世", null, 2.0, 2.1, null, null)));

        samples.Run.ErrorsAreCharacters.Should().BeTrue();
        samples.Run.Metrics.ErrorRate.Should().BeApproximately(0.25, 1e-9, "one of four characters deleted");
    }

    [Fact]
    public void Pool_TwoItems_TakesPercentilesOverAllSamplesAndRatesOverTotals()
    {
        var first = ItemAnalyzer.Analyze(s_item, Outcome(new EmissionSample(1, 1, true, "hello world", null, 2.0, 2.1, null, null)));
        var second = ItemAnalyzer.Analyze(s_item with { Id = "b", Transcript = "hello there world" }, Outcome(new EmissionSample(1, 1, true, "hello world", null, 3.0, 3.1, null, null)));

        var pooled = MetricsPool.Pool([first, second]);

        // Commit lags: item 1 (1.1, 0.6), item 2 (2.1, 1.6): p50 of the four = 1.35.
        pooled.CommitP50.Should().BeApproximately(1.35, 1e-9);
        pooled.ErrorRate.Should().BeApproximately(1.0 / 5, 1e-9, "one deletion over 2 + 3 reference words");
        pooled.AsrRtf.Should().BeApproximately(1.6 / 8, 1e-9);
        pooled.Versions.Should().Be(2);
    }
}
