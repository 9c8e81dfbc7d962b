using Captions.Engine.Audio;
using Captions.TestKit.Diagnostics;

namespace Captions.Engine.Tests.Audio;

public sealed class AudioFramePoolTests
{
    [Fact]
    public void Rent_AfterReturn_ReusesTheBuffer()
    {
        var pool = new AudioFramePool();
        var first = pool.Rent();
        pool.Return(first);

        pool.Rent().Should().BeSameAs(first);
        pool.Created.Should().Be(1);
        first.Should().HaveCount(AudioFormat.FrameSamples);
    }

    [Fact]
    public async Task RentOnOneThreadReturnOnAnother_ManyInFlight_StopsCreatingOnceWarm()
    {
        // 300 in flight: what two 3 s edges can hold, ten times what ArrayPool.Shared's per-core stacks keep.
        var pool = new AudioFramePool();
        for (var round = 0; round < 20; round++)
        {
            var inFlight = Enumerable.Range(0, 300).Select(_ => pool.Rent()).ToArray();
            await Task.Run(() =>
            {
                foreach (var buffer in inFlight)
                {
                    pool.Return(buffer);
                }
            });
        }

        pool.Created.Should().Be(300, "every round after the first reuses the same buffers");
    }

    [Fact]
    public void RentAndReturn_SteadyState_AllocatesNothing()
    {
        var pool = new AudioFramePool();

        var allocated = AllocationProbe.SteadyStateBytes(() => pool.Return(pool.Rent()), iterations: 10_000);

        allocated.Should().Be(0);
    }

    [Fact]
    public void Return_WrongSize_Throws()
    {
        var pool = new AudioFramePool();

        var act = () => pool.Return(new float[512]);

        act.Should().Throw<ArgumentException>().WithMessage("*512*");
    }
}
