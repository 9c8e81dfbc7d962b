using Captions.Bench.Corpus;
using Captions.Bench.Peers;
using Captions.Engine.Hosting;
using Captions.TestKit.Models;

namespace Captions.Bench.Tests.Peers;

/// <summary>
/// The bootstrap's real whisper-cli with a random-weight Tiny4 model (WhisperModelWriter): the text is junk, so what is
/// checked is the process plumbing (exit code, timings, errors), not the transcript.
/// </summary>
public sealed class WhisperCliPeerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("captions-whisper-peer-tests-").FullName;
    private readonly CaptionsPaths _paths = CaptionsPaths.FromEnvironment();
    private readonly string _model;

    public WhisperCliPeerTests()
    {
        if (!File.Exists(_paths.WhisperCliPath) || !File.Exists(_paths.JfkWavPath))
        {
            throw new FileNotFoundException($"{_paths.WhisperCliPath} or {_paths.JfkWavPath} is missing: run ./scripts/bootstrap.sh");
        }

        _model = Path.Combine(_directory, "tiny4.bin");
        WhisperModelWriter.Write(_model, WhisperModelDimensions.Tiny4, seed: 7);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private CorpusItem Jfk => PeerTestItems.FromWav("jfk", _paths.JfkWavPath, "real", "en") with
    {
        Transcript = "and so my fellow americans ask not what your country can do for you ask what you can do for your country",
    };

    [Fact]
    public async Task RunAsync_Tiny4OnJfk_ExitsZeroWithTimingsAndScore()
    {
        PeerRun run = await new WhisperCliPeer(_model, threads: 2).RunAsync([Jfk], "whisper-tiny4", CancellationToken.None)
            .WaitAsync(PeerTestItems.TestTimeout);

        run.Error.Should().BeNull();
        run.Name.Should().Be("whisper-cli");
        run.Command.Should().Contain(_model).And.Contain("-t 2").And.Contain("-nt");
        PeerItem item = run.Items.Should().ContainSingle().Subject;
        item.Error.Should().BeNull();
        item.AudioSeconds.Should().BeApproximately(11.0, 0.1);
        item.WallSeconds.Should().BePositive();
        item.CpuSeconds.Should().BePositive();
        item.Errors.Should().NotBeNull("the item has a reference, so the junk transcript is still scored");
        item.Errors!.Value.ReferenceWords.Should().Be(22);
    }

    [Fact]
    public async Task RunAsync_BadMagicModel_ItemErrorHasExitCodeAndLastStderrLine()
    {
        string bad = Path.Combine(_directory, "bad-magic.bin");
        WhisperModelWriter.WriteBadMagic(bad, WhisperModelDimensions.Tiny4);

        PeerRun run = await new WhisperCliPeer(bad, threads: 1).RunAsync([Jfk], "ours", CancellationToken.None).WaitAsync(PeerTestItems.TestTimeout);

        run.Error.Should().BeNull("the model file exists; whisper-cli itself rejects it");
        string? error = run.Items.Should().ContainSingle().Subject.Error;
        error.Should().StartWith("jfk (").And.Contain("jfk.wav");
        error.Should().MatchRegex(@"whisper-cli exit [1-9][0-9]*: \S");
    }

    [Fact]
    public async Task RunAsync_CorruptWavThenJfk_CorruptItemErrorNamesFileAndJfkStillRuns()
    {
        CorpusItem corrupt = PeerTestItems.Corrupt(_directory);

        PeerRun run = await new WhisperCliPeer(_model, threads: 2).RunAsync([corrupt, Jfk], "ours", CancellationToken.None)
            .WaitAsync(PeerTestItems.TestTimeout);

        run.Items.Should().HaveCount(2);
        run.Items[0].Error.Should().Contain(corrupt.AudioPath);
        run.Items[1].Error.Should().BeNull();
    }

    [Fact]
    public async Task RunAsync_MissingBinary_RunErrorNamesPathAndBootstrap()
    {
        string missing = Path.Combine(_directory, "bin", "whisper-cli");

        PeerRun run = await new WhisperCliPeer(_model, threads: 2) { Executable = missing }.RunAsync([Jfk], "ours", CancellationToken.None);

        run.Error.Should().Contain(missing).And.Contain("bootstrap");
        run.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_MissingModel_RunErrorNamesModel()
    {
        string missing = Path.Combine(_directory, "ggml-base.bin");

        PeerRun run = await new WhisperCliPeer(missing, threads: 2).RunAsync([Jfk], "ours", CancellationToken.None);

        run.Error.Should().Contain(missing);
        run.Items.Should().BeEmpty();
    }
}
