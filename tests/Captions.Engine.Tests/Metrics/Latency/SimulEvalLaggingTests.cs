using Captions.Engine.Metrics.Latency;

namespace Captions.Engine.Tests.Metrics.Latency;

public sealed class SimulEvalLaggingTests
{
    [Fact]
    public void AverageLagging_OneWordPerSecond_IsTheConstantLag()
    {
        // |X| = 4 s, |Y*| = 4 words -> gamma = 1 word/s. Terms d_i - (i - 1): 1-0, 2-1, 3-2, 4-3 = 1 each;
        // d_4 = 4 >= |X| so tau = 4; AL = 4 / 4 = 1.
        double[] delays = [1, 2, 3, 4];

        SimulEvalLagging.AverageLagging(delays, 4, 4).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void AverageLagging_StopsAtTheFirstWordAfterTheWholeSource()
    {
        // gamma = 1. Terms: 2-0 = 2, 2-1 = 1, 4-2 = 2 (d_3 = 4 >= |X|: tau = 3, the 4th word is not counted).
        // AL = 5 / 3.
        double[] delays = [2, 2, 4, 4];

        SimulEvalLagging.AverageLagging(delays, 4, 4).Should().BeApproximately(5.0 / 3, 1e-12);
    }

    [Fact]
    public void LengthAdaptive_OverGeneration_IsNotRewarded()
    {
        // 8 hypothesis words for a 4-word reference over 4 s.
        // AL, gamma = 4/4 = 1: 1-0, 1-1, 2-2, 2-3, 3-4, 3-5, 4-6 = 1+0+0-1-1-2-2 = -5, tau = 7 -> -5/7 (below zero:
        // over-generation "buys" negative lag).
        // LAAL, gamma = max(8, 4)/4 = 2: 1-0, 1-0.5, 2-1, 2-1.5, 3-2, 3-2.5, 4-3 = 5.5, tau = 7 -> 5.5/7.
        double[] delays = [1, 1, 2, 2, 3, 3, 4, 4];

        SimulEvalLagging.AverageLagging(delays, 4, 4).Should().BeApproximately(-5.0 / 7, 1e-12);
        SimulEvalLagging.LengthAdaptiveAverageLagging(delays, 4, 4).Should().BeApproximately(5.5 / 7, 1e-12);
    }

    [Fact]
    public void Lagging_NoWordWaitsForTheWholeSource_AveragesAllWords()
    {
        // gamma = 1: 1-0 = 1, 2-1 = 1; no d_i >= 4 so tau = |Y| = 2; AL = 1. LAAL: max(2, 4) = 4, the same.
        double[] delays = [1, 2];

        SimulEvalLagging.AverageLagging(delays, 4, 4).Should().BeApproximately(1, 1e-12);
        SimulEvalLagging.LengthAdaptiveAverageLagging(delays, 4, 4).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Lagging_FirstWordAfterTheSourceEnds_IsThatDelay()
    {
        double[] delays = [5, 6];

        SimulEvalLagging.AverageLagging(delays, 4, 4).Should().Be(5);
        SimulEvalLagging.LengthAdaptiveAverageLagging(delays, 4, 4).Should().Be(5);
    }

    [Fact]
    public void Lagging_EmptyHypothesis_IsNull()
    {
        SimulEvalLagging.AverageLagging([], 4, 4).Should().BeNull();
    }

    [Fact]
    public void Lagging_NonPositiveSource_Throws()
    {
        Action act = () => SimulEvalLagging.AverageLagging([1.0], 0, 4);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("sourceSeconds");
    }

    [Fact]
    public void CommitDelays_EachCommittedWordAtItsCommitTime()
    {
        // Line 1 commits "Hello there." at 2 s (its partial at 1 s is not a target word); line 2 commits two words at
        // 3 s, and its re-commit at 4 s is not counted again; line 3 never commits. Delays = [2, 2, 3, 3].
        CaptionEmission[] log =
        [
            new(1, 1, false, "hello there", 1),
            new(1, 2, true, "Hello there.", 2),
            new(2, 1, true, "general kenobi", 3),
            new(2, 2, true, "general kenobi!", 4),
            new(3, 1, false, "you are", 5),
        ];

        SimulEvalLagging.CommitDelays(log).Should().Equal(2, 2, 3, 3);
    }
}
