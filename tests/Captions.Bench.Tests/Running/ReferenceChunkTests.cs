using Captions.Bench.Running;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Tests.Running;

public sealed class ReferenceChunkTests
{
    [Fact]
    public void Split_LongPause_StartsANewChunkWithBordersAtThePauseMidpoint()
    {
        ReferenceWord[] words = [new("a", 0.5, 0.9), new("b", 1.0, 1.4), new("c", 4.0, 4.5)];

        var chunks = ReferenceChunk.Split(words, durationSeconds: 6);

        chunks.Should().HaveCount(2);
        chunks[0].Words.Select(w => w.Word).Should().Equal("a", "b");
        chunks[0].SpanStart.Should().Be(0);
        chunks[0].SpanEnd.Should().BeApproximately(2.7, 1e-9);
        chunks[1].FirstIndex.Should().Be(2);
        chunks[1].SpanStart.Should().BeApproximately(2.7, 1e-9);
        chunks[1].SpanEnd.Should().Be(6);
    }

    [Fact]
    public void Owner_LineSpans_GoToTheChunkTheyOverlapMost()
    {
        ReferenceWord[] words = [new("a", 0.5, 0.9), new("c", 4.0, 4.5)];
        var chunks = ReferenceChunk.Split(words, 6);

        ReferenceChunk.Owner(chunks, 0.4, 1.0).Should().Be(0);
        ReferenceChunk.Owner(chunks, 2.0, 4.6).Should().Be(1, "0.55 s in the first chunk, 1.95 s in the second");
        ReferenceChunk.Owner(chunks, 7.0, 8.0).Should().Be(1, "past the end: the nearest chunk");
    }
}
