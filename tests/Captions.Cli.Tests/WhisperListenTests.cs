using System.Text.Json;
using Captions.TestKit.Captions;
using Captions.TestKit.Models;

namespace Captions.Cli.Tests;

/// <summary>
/// `listen` with the Whisper recogniser through the real whisper.cpp build, on a random-weight model in the real ggml
/// format (the text is junk; the structure must be right), with the Silero VAD from the bootstrap.
/// </summary>
public sealed class WhisperListenTests : IDisposable
{
    private readonly CliFixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Listen_WhisperWithSyntheticModelAndSilero_RunsAndKeepsTheCaptionContract()
    {
        var model = _files.PathOf("ggml-synthetic.bin");
        WhisperModelWriter.Write(model, WhisperModelDimensions.Tiny4);
        var events = _files.PathOf("whisper.jsonl");
        var srt = _files.PathOf("whisper.srt");

        var result = await CliRun.InProcessAsync(
            "listen", "--input", CliFixtures.Clip("0930"), "--fast", "--asr", "whisper", "--model", model, "--vad", "silero",
            "--events", events, "--srt", srt, "-q");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("(whisper recogniser, silero VAD)");
        SrtParser.ParseFile(srt);
        var lines = File.ReadAllLines(events).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines[^1].GetProperty("type").GetString().Should().Be("end");
        // Random weights decode junk that the hallucination guards may drop entirely; what is shown must still be whisper's.
        var captions = lines.SkipLast(1).ToList();
        captions.Should().NotContain(e => e.GetProperty("recognizer").GetString() != "whisper");
        foreach (var line in captions.GroupBy(e => e.GetProperty("id").GetInt64()))
        {
            var versions = line.ToList();
            versions.Count(v => v.GetProperty("type").GetString() == "commit").Should().Be(1, "every line ends with exactly one commit");
            versions[^1].GetProperty("type").GetString().Should().Be("commit");
        }
    }

    [Fact]
    public async Task Listen_WhisperAskedButNoModel_ExitsOneSayingHowToGetOne()
    {
        var environment = CliRun.ProcessEnvironment(("CAPTIONS_MODELS__DIRECTORY", _files.PathOf("no-models")));

        var result = await CliRun.InProcessAsync(environment, null, "listen", "--input", CliFixtures.Clip(), "--asr", "whisper");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("captions models pull").And.Contain("--model");
    }

    [Fact]
    public async Task Listen_AutoWithoutModel_FallsBackToSphinxWithOneLineNotice()
    {
        var environment = CliRun.ProcessEnvironment(("CAPTIONS_MODELS__DIRECTORY", _files.PathOf("no-models")));

        var result = await CliRun.InProcessAsync(environment, null, "listen", "--input", CliFixtures.Clip("0880"), "--fast", "-q");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("no Whisper model").And.Contain("using sphinx");
    }

    [Fact]
    public async Task Listen_SileroAskedButAbsent_ExitsOneSayingWhy()
    {
        var environment = CliRun.ProcessEnvironment(("CAPTIONS_CACHE_DIR", _files.PathOf("empty-cache")));

        var result = await CliRun.InProcessAsync(environment, null, "listen", "--input", CliFixtures.Clip(), "--asr", "sphinx", "--vad", "silero");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("silero VAD unavailable").And.Contain("--vad silero").And.NotContain("using energy");
    }

    [Fact]
    public async Task Demo_BrokenModelFileInSettings_ExitsOneNamingItInsteadOfCrashing()
    {
        var model = _files.PathOf("ggml-broken-demo.bin");
        WhisperModelWriter.WriteBadMagic(model, WhisperModelDimensions.Tiny4);
        var environment = CliRun.ProcessEnvironment(("CAPTIONS_WHISPER__MODEL", model));

        var result = await CliRun.InProcessAsync(environment, null, "demo", "--out", _files.PathOf("demo"));

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain(model);
    }

    [Fact]
    public async Task Listen_BrokenModelFile_ExitsOneNamingIt()
    {
        var model = _files.PathOf("ggml-broken.bin");
        WhisperModelWriter.WriteBadMagic(model, WhisperModelDimensions.Tiny4);

        var result = await CliRun.InProcessAsync("listen", "--input", CliFixtures.Clip(), "--asr", "whisper", "--model", model);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain(model);
    }
}
