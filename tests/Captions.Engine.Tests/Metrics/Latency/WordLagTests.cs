using Captions.Engine.Metrics.Latency;

namespace Captions.Engine.Tests.Metrics.Latency;

public sealed class WordLagTests
{
    private static readonly ReferenceWord[] s_theCatSatDown =
    [
        new("The", 0.0, 0.2),
        new("cat", 0.2, 0.5),
        new("sat", 0.5, 0.9),
        new("down.", 0.9, 1.2),
    ];

    [Fact]
    public void Compute_PartialsThenCommit_GivesHandComputedLags()
    {
        // 0.5 "the"          hits 1: "the" shown at 0.5.
        // 0.8 "the cap"      hits 1 (cap substitutes cat): nothing new.
        // 1.0 "the cat sat"  hits 3: "cat", "sat" shown at 1.0.
        // 1.3 committed      committed hits 3: "the", "cat", "sat" committed at 1.3.
        // 1.6 line 2 "down"  hits 4: "down" shown at 1.6; line 2 never commits.
        // Shown lags: 0.5-0.2 = 0.3, 1.0-0.5 = 0.5, 1.0-0.9 = 0.1, 1.6-1.2 = 0.4.
        // Commit lags: 1.3-0.2 = 1.1, 1.3-0.5 = 0.8, 1.3-0.9 = 0.4, missing.
        CaptionEmission[] log =
        [
            new(1, 1, false, "the", 0.5),
            new(1, 2, false, "the cap", 0.8),
            new(1, 3, false, "the cat sat", 1.0),
            new(1, 4, true, "The cat sat", 1.3),
            new(2, 1, false, "down", 1.6),
        ];

        IReadOnlyList<WordLagSample> samples = WordLag.Compute(s_theCatSatDown, log);

        samples.Select(s => s.FirstShownLagSeconds!.Value).Should().Equal(
            [0.3, 0.5, 0.1, 0.4], (a, b) => Math.Abs(a - b) < 1e-9);
        samples.Take(3).Select(s => s.CommitLagSeconds!.Value).Should().Equal(
            [1.1, 0.8, 0.4], (a, b) => Math.Abs(a - b) < 1e-9);
        samples[3].CommitLagSeconds.Should().BeNull();
        samples[3].IsMissing.Should().BeFalse();

        // Shown {0.1, 0.3, 0.4, 0.5}: p50 rank 1.5 -> 0.35. Committed {0.4, 0.8, 1.1}: p50 = 0.8.
        WordLag.FirstShownPercentile(samples, 50).Should().BeApproximately(0.35, 1e-9);
        WordLag.CommitPercentile(samples, 50).Should().BeApproximately(0.8, 1e-9);
    }

    [Fact]
    public void Compute_WordNeverRecognised_IsMissingNotZero()
    {
        ReferenceWord[] reference = [new("hello", 0, 0.4), new("world", 0.4, 0.9)];
        CaptionEmission[] log = [new(1, 1, true, "hello", 1.0)];

        IReadOnlyList<WordLagSample> samples = WordLag.Compute(reference, log);

        samples[0].FirstShownLagSeconds.Should().BeApproximately(0.6, 1e-9);
        samples[1].IsMissing.Should().BeTrue();
        samples[1].CommitLagSeconds.Should().BeNull();
    }

    [Fact]
    public void Compute_EmptyLog_AllWordsMissing()
    {
        IReadOnlyList<WordLagSample> samples = WordLag.Compute(s_theCatSatDown, []);

        samples.Should().HaveCount(4).And.OnlyContain(s => s.IsMissing && s.CommitLagSeconds == null);
        WordLag.FirstShownPercentile(samples, 95).Should().BeNull();
    }

    [Fact]
    public void Compute_StaleVersion_DoesNotShowWords()
    {
        // v2 "the cat" is accepted at 1.0; v1 "the cat sat down" arrives late at 1.2 and is stale, so "sat" and
        // "down" are never shown (a bug that applied it would show them at 1.2).
        CaptionEmission[] log = [new(1, 2, false, "the cat", 1.0), new(1, 1, false, "the cat sat down", 1.2)];

        IReadOnlyList<WordLagSample> samples = WordLag.Compute(s_theCatSatDown, log);

        samples.Select(s => s.IsMissing).Should().Equal(false, false, true, true);
    }

    [Fact]
    public void Compute_HyphenatedReferenceWord_IsReachedWithItsLastToken()
    {
        // Tokens: a | cold hearted | man -> the words end at token 1, 3, 4. At 1.0 "a cold" hits 2 tokens: only "a"
        // (lag 1.0 - 0.1 = 0.9). At 1.2 hits 4: "cold-hearted" 1.2 - 0.6 = 0.6 and "man" 1.2 - 0.9 = 0.3.
        ReferenceWord[] reference = [new("a", 0, 0.1), new("cold-hearted", 0.1, 0.6), new("man", 0.6, 0.9)];
        CaptionEmission[] log = [new(1, 1, false, "a cold", 1.0), new(1, 2, false, "a cold hearted man", 1.2)];

        IReadOnlyList<WordLagSample> samples = WordLag.Compute(reference, log);

        samples.Select(s => s.FirstShownLagSeconds!.Value).Should().Equal(
            [0.9, 0.6, 0.3], (a, b) => Math.Abs(a - b) < 1e-9);
    }
}
