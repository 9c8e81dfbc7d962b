using Captions.Engine.Metrics.Latency;

namespace Captions.Engine.Tests.Metrics.Latency;

public sealed class PercentilesTests
{
    [Fact]
    public void Of_MedianOfEvenCount_InterpolatesBetweenTheMiddleValues()
    {
        // Sorted {1, 2, 3, 4}: rank 0.5 * 3 = 1.5 -> 2 + 0.5 * (3 - 2) = 2.5. Input order must not matter.
        Percentiles.Of([4.0, 1.0, 3.0, 2.0], 50).Should().Be(2.5);
    }

    [Fact]
    public void Of_P95OfOneToTwenty_Is19Point05()
    {
        // rank 0.95 * 19 = 18.05 -> v[18] + 0.05 * (v[19] - v[18]) = 19 + 0.05 = 19.05.
        double[] values = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();

        Percentiles.Of(values, 95).Should().BeApproximately(19.05, 1e-12);
    }

    [Fact]
    public void Of_ZeroAndHundred_AreMinimumAndMaximum()
    {
        double[] values = [3.0, -1.0, 7.0];

        Percentiles.Of(values, 0).Should().Be(-1.0);
        Percentiles.Of(values, 100).Should().Be(7.0);
        Percentiles.Of([5.0], 95).Should().Be(5.0);
    }

    [Fact]
    public void Of_Empty_IsNull()
    {
        Percentiles.Of([], 50).Should().BeNull();
    }

    [Fact]
    public void Of_PercentOutOfRange_Throws()
    {
        Action act = () => Percentiles.Of([1.0], 101);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("percent");
    }
}
