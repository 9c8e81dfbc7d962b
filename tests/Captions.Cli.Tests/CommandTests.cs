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
        result.Output.Should().Contain("[sign #").And.Contain("NO PARKING", "the demo also reads the opencv-doc sign photos");
        File.ReadAllLines(Path.Combine(output, "signs.jsonl")).Should().Contain(l => l.Contains("\"appeared\"", StringComparison.Ordinal));
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
    public async Task Executable_InterruptedWhileListening_DrainsAndLeavesValidFiles()
    {
        var srt = _files.PathOf("interrupted.srt");
        var vtt = _files.PathOf("interrupted.vtt");
        var events = _files.PathOf("interrupted.jsonl");
        // All five clips back to back: 25 s of real speech, so the run is surely still going when interrupted.
        var input = _files.Concatenate("long.wav", ["0870", "0880", "0890", "0920", "0930"]);
        using var process = CliRun.Start(["listen", "--input", input, "--realtime", "--srt", srt, "--vtt", vtt, "--events", events]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // Wait until captions are flowing (a partial is in the event log), then press Ctrl+C.
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(events) && File.ReadAllText(events).Contains("\"partial\"", StringComparison.Ordinal)))
        {
            deadline.Elapsed.Should().BeLessThan(CliRun.Timeout, "captions should start flowing");
            if (process.HasExited)
            {
                throw new InvalidOperationException($"captions exited before captions flowed: {await stderr}");
            }

            await Task.Delay(50);
        }

        // Ctrl+C is SIGINT; a child started from a non-interactive shell may inherit SIGINT as ignored (POSIX keeps it
        // so), in which case SIGTERM, which takes the same graceful path, stands in for it.
        var signal = SigIntIgnored(process.Id) ? "-TERM" : "-INT";
        using (var kill = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
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

    private static bool SigIntIgnored(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        return (mask & (1UL << 1)) != 0; // SIGINT is signal 2: bit 1
    }
}
