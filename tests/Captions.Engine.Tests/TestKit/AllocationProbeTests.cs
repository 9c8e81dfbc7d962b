using Captions.TestKit.Diagnostics;

namespace Captions.Engine.Tests.TestKit;

/// <summary>The probe behind every "allocates nothing" test must see a real per-call allocation, or those tests cannot fail.</summary>
public sealed class AllocationProbeTests
{
    private static object? s_sink;

    [Fact]
    public void SteadyStateBytes_StepAllocatesEveryCall_ReportsEveryAllocation()
    {
        long bytes = AllocationProbe.SteadyStateBytes(() => s_sink = new byte[100], iterations: 50);

        // 50 arrays of 100 bytes plus their headers: at least 5,000 bytes in every attempt, so the minimum keeps them.
        bytes.Should().BeGreaterThanOrEqualTo(50 * 100);
        s_sink.Should().NotBeNull();
    }

    [Fact]
    public void SteadyStateBytes_StepAllocatesOnlyOnFirstCall_ReportsNothing()
    {
        byte[]? lazy = null;

        long bytes = AllocationProbe.SteadyStateBytes(() => lazy ??= new byte[100], iterations: 50);

        bytes.Should().Be(0, "the warm-up call takes the one-off allocation");
        lazy.Should().HaveCount(100);
    }
}
