using Captions.Renderer.Threading;
using Captions.TestKit.Diagnostics;

namespace Captions.Renderer.Tests.Threading;

public sealed class TripleBufferTests
{
    private sealed class Scene
    {
        public long Sequence;
        public long Check;
    }

    [Fact]
    public void TryAcquireLatest_NothingPublished_ReturnsFalse()
    {
        var buffer = new TripleBuffer<Scene>(() => new Scene());

        buffer.TryAcquireLatest(out _).Should().BeFalse();
    }

    [Fact]
    public void TryAcquireLatest_SeveralPublishes_GetsOnlyTheNewestOnce()
    {
        var buffer = new TripleBuffer<Scene>(() => new Scene());
        for (var i = 1; i <= 3; i++)
        {
            buffer.WriteBuffer.Sequence = i;
            buffer.Publish();
        }

        buffer.TryAcquireLatest(out var scene).Should().BeTrue();
        scene.Sequence.Should().Be(3);
        buffer.TryAcquireLatest(out var again).Should().BeFalse();
        again.Should().BeSameAs(scene, "without a new value the consumer keeps drawing the last one");
    }

    [Fact]
    public void Publish_ProducerNeverGetsTheBufferTheConsumerHolds()
    {
        var buffer = new TripleBuffer<Scene>(() => new Scene());
        buffer.WriteBuffer.Sequence = 1;
        buffer.Publish();
        buffer.TryAcquireLatest(out var held);

        for (var i = 2; i < 10; i++)
        {
            buffer.WriteBuffer.Should().NotBeSameAs(held);
            buffer.WriteBuffer.Sequence = i;
            buffer.Publish();
        }

        held.Sequence.Should().Be(1, "the consumer's buffer was never written while it held it");
    }

    [Fact]
    public async Task ConcurrentProducerAndConsumer_NoTornOrOlderValues()
    {
        var buffer = new TripleBuffer<Scene>(() => new Scene());
        const long count = 200_000;
        var producer = Task.Run(() =>
        {
            for (long i = 1; i <= count; i++)
            {
                var scene = buffer.WriteBuffer;
                scene.Sequence = i;
                scene.Check = -i;
                buffer.Publish();
            }
        });
        var consumer = Task.Run(() =>
        {
            long last = 0;
            var torn = 0;
            var backwards = 0;
            while (last < count)
            {
                if (buffer.TryAcquireLatest(out var scene))
                {
                    torn += scene.Check == -scene.Sequence ? 0 : 1;
                    backwards += scene.Sequence > last ? 0 : 1;
                    last = scene.Sequence;
                }
            }

            return (torn, backwards);
        });

        await producer.WaitAsync(TimeSpan.FromSeconds(30));
        var (tornCount, backwardsCount) = await consumer.WaitAsync(TimeSpan.FromSeconds(30));

        tornCount.Should().Be(0);
        backwardsCount.Should().Be(0);
    }

    [Fact]
    public void PublishAndAcquire_SteadyState_AllocatesNothing()
    {
        var buffer = new TripleBuffer<Scene>(() => new Scene());
        var published = 0;
        var acquired = 0;

        var allocated = AllocationProbe.SteadyStateBytes(
            () =>
            {
                buffer.WriteBuffer.Sequence = published++;
                buffer.Publish();
                acquired += buffer.TryAcquireLatest(out _) ? 1 : 0;
            },
            iterations: 10_000);

        allocated.Should().Be(0);
        acquired.Should().Be(published, "every publish is acquired before the next");
    }
}
