using Captions.Engine.Metrics.Latency;

namespace Captions.Engine.Tests.Metrics.Latency;

public sealed class LagDriftTests
{
    [Fact]
    public void Compute_GrowingLag_IsTailP95OverHeadP95()
    {
        // Span 0..900 s, window 300 s. First window [0, 300): lags {1, 2, 3}, p95 rank 0.95 * 2 = 1.9 -> 2.9.
        // Last window (600, 900]: lags {4, 5, 6}, p95 -> 5.9. Samples at 300, 450 and 600 are in neither window
        // (their lag 50 would dominate either p95). Drift = 5.9 / 2.9.
        LagSample[] samples =
        [
            new(0, 1), new(100, 2), new(200, 3),
            new(300, 50), new(450, 50), new(600, 50),
            new(700, 4), new(800, 5), new(900, 6),
        ];

        LagDrift.Compute(samples).Should().BeApproximately(5.9 / 2.9, 1e-12);
    }

    [Fact]
    public void Compute_SessionShorterThanTwoWindows_IsNull()
    {
        LagSample[] samples = [new(0, 1), new(599, 2)];

        LagDrift.Compute(samples).Should().BeNull();
        LagDrift.Compute(samples, windowSeconds: 100).Should().Be(2.0);
    }

    [Fact]
    public void Compute_Empty_IsNull()
    {
        LagDrift.Compute([]).Should().BeNull();
    }

    [Fact]
    public void Compute_NonPositiveWindow_Throws()
    {
        Action act = () => LagDrift.Compute([new(0, 1)], windowSeconds: 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("windowSeconds");
    }
}
