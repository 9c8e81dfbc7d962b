using System.Diagnostics;
using Captions.TestKit.Captions;

namespace Captions.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly CliFixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData]
    [InlineData("listen")]
    [InlineData("demo")]
    [InlineData("doctor")]
    public async Task Help_EveryCommand_ExitsZeroAndDescribesIt(params string[] command)
    {
        var result = await CliRun.InProcessAsync([.. command, "--help"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Usage:").And.Contain("Description:");
        result.Output.Should().Contain(command.Length == 0 ? "Commands:" : "Options:");
    }

    [Fact]
    public async Task Doctor_OnABootstrappedMachine_FindsRequiredPiecesAndExitsZero()
    {
        var result = await CliRun.InProcessAsync("doctor");

        result.ExitCode.Should().Be(0, $"run ./scripts/bootstrap.sh if this fails\n{result}");
        result.Output.Should().MatchRegex(@"ok\s+pocketsphinx\s+libpocketsphinx\.so\.3");
        result.Output.Should().MatchRegex(@"ok\s+sphinx en-us");
        result.Output.Should().MatchRegex(@"ok\s+whisper\.cpp\s+1\.9\.1");
        result.Output.Should().Contain("AVX2");
    }

    [Fact]
    public async Task Doctor_RequiredModelMissing_ExitsOneAndSaysWhat()
    {
        var environment = CliRun.ProcessEnvironment(("CAPTIONS_SPHINX__MODELDIR", _files.PathOf("no-model")));

        var result = await CliRun.InProcessAsync(environment, null, "doctor");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().MatchRegex(@"MISSING\s+sphinx en-us\s+.*no-model").And.Contain("1 required item(s) missing");
    }

    [Fact]
    public async Task Doctor_OptionalWhisperBuildAbsent_StillExitsZero()
    {
        // The cache root is moved away, so the whisper build (optional until the Whisper issue) is absent.
        var environment = CliRun.ProcessEnvironment(("CAPTIONS_CACHE_DIR", _files.PathOf("empty-cache")));

        var result = await CliRun.InProcessAsync(environment, null, "doctor");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().MatchRegex(@"absent\s+whisper\.cpp");
    }

    [Fact]
    public async Task Demo_CaptionsTheLibriVoxClipsAndWritesEveryOutput()
    {
        var output = _files.PathOf("demo");

        var result = await CliRun.InProcessAsync("demo", "--out", output);

        result.ExitCode.Should().Be(0, result.ToString());
        var srts = Directory.GetFiles(output, "*.srt");
        srts.Should().HaveCount(5);
        Directory.GetFiles(output, "*.vtt").Should().HaveCount(5);
        Directory.GetFiles(output, "*.events.jsonl").Should().HaveCount(5);
        srts.Should().OnlyContain(f => SrtParser.ParseFile(f).Count > 0);
        result.Output.Should().MatchRegex(@"word error rate \d+(\.\d)?% over \d+ words");
    }

    [Fact]
    public async Task Demo_MissingCorpus_ExitsOneWithBootstrapHint()
    {
        var result = await CliRun.InProcessAsync("demo", "--corpus", _files.PathOf("nowhere"), "--out", _files.PathOf("o"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("nowhere").And.Contain("bootstrap");
    }

    [Fact]
    public async Task Executable_UnknownCommand_ExitsTwo()
    {
        var result = await CliRun.ProcessAsync(["transmogrify"]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("transmogrify");
    }

    [Fact]
    public async Task Executable_CtrlCWhileListening_DrainsAndLeavesValidFiles()
    {
        var srt = _files.PathOf("interrupted.srt");
        var vtt = _files.PathOf("interrupted.vtt");
        var events = _files.PathOf("interrupted.jsonl");
        using var process = CliRun.Start(["listen", "--input", CliFixtures.Clip("0870"), "--realtime", "--srt", srt, "--vtt", vtt, "--events", events]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // Wait until captions are flowing (a partial is in the event log), then press Ctrl+C.
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(events) && File.ReadAllText(events).Contains("\"partial\"", StringComparison.Ordinal)))
        {
            deadline.Elapsed.Should().BeLessThan(CliRun.Timeout, "captions should start flowing");
            process.HasExited.Should().BeFalse(await stderr);
            await Task.Delay(50);
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(CliRun.Timeout);
        var error = await stderr;
        await stdout;

        process.ExitCode.Should().Be(0, error);
        error.Should().Contain("stopped; outputs closed cleanly");
        SrtParser.ParseFile(srt).Should().NotBeEmpty("the utterance in progress is committed on stop");
        WebVttParser.ParseFile(vtt).Should().NotBeEmpty();
        File.ReadAllLines(events)[^1].Should().Contain("\"type\":\"end\"");
    }
}
