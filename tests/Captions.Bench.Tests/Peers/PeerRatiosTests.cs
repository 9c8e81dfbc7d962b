using Captions.Bench.Peers;
using Captions.Engine.Metrics;

namespace Captions.Bench.Tests.Peers;

public sealed class PeerRatiosTests
{
    // Ours: a 2 s, b 4 s, c 1 s. Peer: a (wall 3, cpu 2.5), b (wall 5, cpu 4.5), d failed. Common: a, b.
    private static readonly Dictionary<string, double> s_ours = new() { ["a"] = 2.0, ["b"] = 4.0, ["c"] = 1.0 };

    private static readonly PeerRun s_peer = new("whisper-cli", "whisper-cli -m m.bin -f <wav>", "whisper-base", [
        new PeerItem("a", 10, 3.0, 2.5, "x") { Errors = new WordErrorCounts(1, 0, 0, 10) },
        new PeerItem("b", 20, 5.0, 4.5, "y") { Errors = new WordErrorCounts(0, 1, 1, 20) },
        new PeerItem("d", 30, 1.0, 1.0, string.Empty) { Error = "d (d.wav): whisper-cli exit 3: failed" },
    ]);

    [Fact]
    public void Compare_ItemsBothCompleted_RatiosOfTotals()
    {
        PeerComparison comparison = PeerRatios.Compare(s_ours, s_peer);

        comparison.Peer.Should().Be("whisper-cli");
        comparison.ComparedWith.Should().Be("whisper-base");
        comparison.ItemIds.Should().Equal("a", "b");
        comparison.OursSeconds.Should().Be(6.0);
        comparison.PeerWallSeconds.Should().Be(8.0);
        comparison.PeerCpuSeconds.Should().Be(7.0);
        comparison.WallRatio.Should().BeApproximately(8.0 / 6.0, 1e-12);
        comparison.CpuRatio.Should().BeApproximately(7.0 / 6.0, 1e-12);
    }

    [Fact]
    public void Compare_WithoutOurErrors_PeerWerOverCommonScoredItems()
    {
        PeerComparison comparison = PeerRatios.Compare(s_ours, s_peer);

        comparison.ScoredItemIds.Should().Equal("a", "b");
        comparison.PeerErrors.Should().Be(new WordErrorCounts(1, 1, 1, 30));
        comparison.PeerErrors!.Value.Rate.Should().BeApproximately(0.1, 1e-12);
        comparison.OursErrors.Should().BeNull();
    }

    [Fact]
    public void Compare_WithOurErrors_BothWersOnTheItemsBothScored()
    {
        // Ours scored only a and c: c is not in the peer's run, so WER compares on a alone.
        var oursErrors = new Dictionary<string, WordErrorCounts> { ["a"] = new(0, 0, 2, 10), ["c"] = new(5, 0, 0, 5) };

        PeerComparison comparison = PeerRatios.Compare(s_ours, s_peer, oursErrors);

        comparison.ScoredItemIds.Should().Equal("a");
        comparison.PeerErrors.Should().Be(new WordErrorCounts(1, 0, 0, 10));
        comparison.OursErrors.Should().Be(new WordErrorCounts(0, 0, 2, 10));
        comparison.OursErrors!.Value.Rate.Should().BeApproximately(0.2, 1e-12);
        comparison.WallRatio.Should().BeApproximately(8.0 / 6.0, 1e-12, "timing still uses every item both completed");
    }

    [Fact]
    public void Compare_LeftOutItems_NotedWithTheReason()
    {
        PeerComparison comparison = PeerRatios.Compare(s_ours, s_peer);

        comparison.Notes.Should().HaveCount(2);
        comparison.Notes.Should().Contain(n => n.StartsWith("d: left out, whisper-cli failed", StringComparison.Ordinal));
        comparison.Notes.Should().Contain(n => n.StartsWith("c: left out, not in whisper-cli's run", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_OursLacksAnItem_ItemLeftOutOfBothTotals()
    {
        var ours = new Dictionary<string, double> { ["b"] = 4.0 };

        PeerComparison comparison = PeerRatios.Compare(ours, s_peer);

        comparison.ItemIds.Should().Equal("b");
        comparison.WallRatio.Should().BeApproximately(5.0 / 4.0, 1e-12);
        comparison.CpuRatio.Should().BeApproximately(4.5 / 4.0, 1e-12);
        comparison.Notes.Should().Contain("a: left out, whisper-base has no result for it");
    }

    [Fact]
    public void Compare_PeerDidNotRun_NoRatiosAndTheReason()
    {
        PeerRun failed = new("pocketsphinx_continuous", "pocketsphinx_continuous ...", "sphinx", []) { Error = "/usr/bin/pocketsphinx_continuous is missing" };

        PeerComparison comparison = PeerRatios.Compare(s_ours, failed);

        comparison.ItemIds.Should().BeEmpty();
        comparison.WallRatio.Should().BeNull();
        comparison.CpuRatio.Should().BeNull();
        comparison.PeerErrors.Should().BeNull();
        comparison.Notes.Should().ContainSingle().Which.Should().Contain("is missing");
    }
}
