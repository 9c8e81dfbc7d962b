using Captions.Bench.Corpus;
using Captions.Bench.Peers;

namespace Captions.Bench.Tests.Peers;

/// <summary>Debian's real pocketsphinx_continuous on the LibriVox clips of pocketsphinx-testdata.</summary>
public sealed class PocketSphinxPeerTests : IDisposable
{
    // Measured here: pocketsphinx_continuous (Debian 0.8, en-us, default second pass) on clip 0870 (22 words) says
    // "and mr john guess what and then at leisure to consider how much there might be greatly in his power to do how
    // about": 6 substitutions + 2 insertions = WER 8/22 = 36.4%. The bound leaves room for another pocketsphinx build
    // without letting a broken transcript (empty or misaligned: WER near 100%) pass.
    private const double WerBound = 0.45;

    private readonly string _directory = Directory.CreateTempSubdirectory("captions-peer-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunAsync_LibriVoxClip_TranscribesWithWerBelowBound()
    {
        CorpusItem clip = PeerTestItems.LibriVox("0870");

        PeerRun run = await new PocketSphinxPeer().RunAsync([clip], "sphinx-default", CancellationToken.None).WaitAsync(PeerTestItems.TestTimeout);

        run.Error.Should().BeNull();
        run.Name.Should().Be("pocketsphinx_continuous");
        run.ComparedWith.Should().Be("sphinx-default");
        run.Command.Should().Contain("-infile <wav>").And.Contain("en-us.lm.bin");
        PeerItem item = run.Items.Should().ContainSingle().Subject;
        item.Error.Should().BeNull();
        item.Id.Should().Be(clip.Id);
        item.Hypothesis.Should().NotBeNullOrWhiteSpace();
        item.Errors.Should().NotBeNull();
        item.Errors!.Value.ReferenceWords.Should().Be(22);
        item.Errors.Value.Rate.Should().BeLessThan(WerBound, "hypothesis: {0}", item.Hypothesis);
        item.AudioSeconds.Should().BeApproximately(clip.DurationSeconds, 1e-9);
        item.WallSeconds.Should().BePositive();
        item.CpuSeconds.Should().BePositive();
    }

    [Fact]
    public async Task RunAsync_CorruptWavThenGoodClip_CorruptItemErrorNamesFileAndTheRestStillRuns()
    {
        CorpusItem corrupt = PeerTestItems.Corrupt(_directory);
        CorpusItem clip = PeerTestItems.LibriVox("0880");

        PeerRun run = await new PocketSphinxPeer().RunAsync([corrupt, clip], "ours", CancellationToken.None).WaitAsync(PeerTestItems.TestTimeout);

        run.Error.Should().BeNull();
        run.Items.Should().HaveCount(2);
        run.Items[0].Error.Should().Contain(corrupt.AudioPath).And.StartWith("corrupt");
        run.Items[0].Errors.Should().BeNull();
        run.Items[1].Error.Should().BeNull();
        run.Items[1].Hypothesis.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task RunAsync_NonZeroExit_ItemErrorHasExitCodeAndLastStderrLine()
    {
        // An acoustic model folder without the model: the CLI starts, exits 1 and its last log line says "mdef".
        string acoustic = Directory.CreateDirectory(Path.Combine(_directory, "empty-hmm")).FullName;
        var peer = new PocketSphinxPeer { AcousticModelDirectory = acoustic };

        PeerRun run = await peer.RunAsync([PeerTestItems.LibriVox("0880")], "ours", CancellationToken.None).WaitAsync(PeerTestItems.TestTimeout);

        run.Error.Should().BeNull();
        string? error = run.Items.Should().ContainSingle().Subject.Error;
        error.Should().MatchRegex(@"pocketsphinx_continuous exit [1-9][0-9]*: ERROR: .*mdef");
        error.Should().Contain("0880.wav");
    }

    [Fact]
    public async Task RunAsync_BudgetShorterThanModelLoad_ItemTimesOutAndIsKilled()
    {
        // 1 ms per audio second: the model load alone takes far longer, so the budget always runs out.
        var peer = new PocketSphinxPeer { Options = new PeerOptions { TimeoutBase = TimeSpan.Zero, TimeoutPerAudioSecond = TimeSpan.FromMilliseconds(1) } };

        PeerRun run = await peer.RunAsync([PeerTestItems.LibriVox("0880"), PeerTestItems.LibriVox("0930")], "ours", CancellationToken.None)
            .WaitAsync(PeerTestItems.TestTimeout);

        run.Items.Should().HaveCount(2).And.OnlyContain(i => i.Error != null && i.Error.Contains("timed out") && i.Error.Contains("(killed)"));
    }

    [Fact]
    public async Task RunAsync_ResampledInput_48kHzStereoCopyIsTranscribed()
    {
        CorpusItem clip = PeerTestItems.LibriVox("0880");
        string stereo = Path.Combine(_directory, "stereo48k.wav");
        using (var sox = System.Diagnostics.Process.Start("/usr/bin/sox", [clip.AudioPath, "-r", "48000", "-c", "2", stereo])!)
        {
            await sox.WaitForExitAsync().WaitAsync(PeerTestItems.TestTimeout);
            sox.ExitCode.Should().Be(0);
        }

        CorpusItem item = PeerTestItems.FromWav("stereo", stereo, "real", "en") with { Transcript = clip.Transcript };

        PeerRun run = await new PocketSphinxPeer().RunAsync([item], "ours", CancellationToken.None).WaitAsync(PeerTestItems.TestTimeout);

        PeerItem result = run.Items.Should().ContainSingle().Subject;
        result.Error.Should().BeNull();
        result.Hypothesis.Should().NotBeNullOrWhiteSpace();
        result.Errors!.Value.Rate.Should().BeLessThan(0.5, "hypothesis: {0}", result.Hypothesis);
    }

    [Fact]
    public async Task RunAsync_NonEnglishItem_ItemErrorNamesLanguageWithoutRunning()
    {
        CorpusItem clip = PeerTestItems.LibriVox("0880") with { Id = "es-clip", Language = "es" };

        PeerRun run = await new PocketSphinxPeer().RunAsync([clip], "ours", CancellationToken.None).WaitAsync(PeerTestItems.TestTimeout);

        PeerItem item = run.Items.Should().ContainSingle().Subject;
        item.Error.Should().Contain("es-clip").And.Contain("'es'");
        item.WallSeconds.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_MissingBinary_RunErrorNamesPathAndPackage()
    {
        string missing = Path.Combine(_directory, "pocketsphinx_continuous");

        PeerRun run = await new PocketSphinxPeer { Executable = missing }.RunAsync([PeerTestItems.LibriVox("0880")], "ours", CancellationToken.None);

        run.Error.Should().Contain(missing).And.Contain("pocketsphinx");
        run.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_MissingLanguageModel_RunErrorNamesPathAndPackage()
    {
        string missing = Path.Combine(_directory, "en-us.lm.bin");

        PeerRun run = await new PocketSphinxPeer { LanguageModelPath = missing }.RunAsync([PeerTestItems.LibriVox("0880")], "ours", CancellationToken.None);

        run.Error.Should().Contain(missing).And.Contain("pocketsphinx-en-us");
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsAndStopsTheCli()
    {
        using var cancel = new CancellationTokenSource();
        CorpusItem clip = PeerTestItems.LibriVox("0870");
        Task<PeerRun> run = new PocketSphinxPeer().RunAsync([clip, clip, clip], "ours", cancel.Token);
        await cancel.CancelAsync();

        Func<Task> act = () => run.WaitAsync(PeerTestItems.TestTimeout);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
