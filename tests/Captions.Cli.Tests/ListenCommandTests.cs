using System.Text.Json;
using Captions.Engine.Metrics;
using Captions.TestKit.Audio;
using Captions.TestKit.Captions;

namespace Captions.Cli.Tests;

public sealed class ListenCommandTests : IDisposable
{
    private readonly CliFixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Listen_RealRecordingWithAllOutputs_WritesValidSrtVttAndEvents()
    {
        var srt = _files.PathOf("out.srt");
        var vtt = _files.PathOf("out.vtt");
        var events = _files.PathOf("out.jsonl");

        var result = await CliRun.InProcessAsync("listen", "--input", CliFixtures.Clip("0880"), "--fast", "--srt", srt, "--vtt", vtt, "--events", events);

        result.ExitCode.Should().Be(0, result.ToString());
        var srtCues = SrtParser.ParseFile(srt);
        var vttCues = WebVttParser.ParseFile(vtt);
        srtCues.Should().NotBeEmpty();
        vttCues.Select(c => c.Text).Should().Equal(srtCues.Select(c => c.Text));
        var said = string.Join(' ', srtCues.Select(c => c.Text.Replace('\n', ' ')));
        WordErrorRate.Compute("he was not an ill disposed young man", said).Rate.Should().BeLessThan(0.6, said);

        var lines = File.ReadAllLines(events).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines[^1].GetProperty("type").GetString().Should().Be("end");
        var captionEvents = lines.SkipLast(1).ToList();
        captionEvents.Should().Contain(e => e.GetProperty("type").GetString() == "partial");
        captionEvents.Should().Contain(e => e.GetProperty("type").GetString() == "commit");
        captionEvents.Should().OnlyContain(e => e.GetProperty("stamps").GetProperty("asr").GetDouble() >= e.GetProperty("stamps").GetProperty("captured").GetDouble());
        result.Output.Should().Contain("young man", "without --quiet the captions are printed as they arrive");
    }

    [Fact]
    public async Task Listen_RawPcmOnStdinAt44kStereo_CaptionsIt()
    {
        // Real speech, re-encoded the way a capture tool would pipe it: s16le, 44.1 kHz, 2 channels.
        var mono = Captions.Engine.Audio.AudioFile.ReadMono16k(CliFixtures.Clip("0880"));
        var resampled = new List<float>();
        var up = new Captions.Engine.Audio.Resampler(16_000, 44_100);
        var buffer = new float[up.GetMaxOutputLength(mono.Length)];
        resampled.AddRange(buffer.AsSpan(0, up.Process(mono, buffer)).ToArray());
        var tail = new float[up.MaxFlushLength];
        resampled.AddRange(tail.AsSpan(0, up.Flush(tail)).ToArray());
        var stereo = TestSignal.Interleave([.. resampled], [.. resampled]);
        var bytes = new byte[stereo.Length * 2];
        for (var i = 0; i < stereo.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 2), (short)Math.Clamp(stereo[i] * 32767f, -32768f, 32767f));
        }

        var result = await CliRun.ProcessAsync(["listen", "--input", "-", "--sample-rate", "44100", "--channels", "2"], bytes);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("young man");
        result.Error.Should().Contain("3.0 s of audio");
    }

    [Theory]
    [InlineData("missing.wav", "does not exist")]
    [InlineData("zero.wav", "no audio")]
    [InlineData("alaw.wav", "A-law")]
    [InlineData("float64.wav", "64-bit float")]
    [InlineData("lying.wav", "truncated")]
    [InlineData("text.wav", "not a WAV file")]
    public async Task Listen_BadInput_ExitsOneNamingTheFileAndProblem(string name, string problem)
    {
        var path = _files.PathOf(name);
        switch (name)
        {
            case "zero.wav":
                WavFixture.Write(path, ReadOnlySpan<float>.Empty, 16_000, 1, WavSampleFormat.Pcm16);
                break;
            case "alaw.wav":
                _files.Wav(name, WavSampleFormat.ALaw);
                break;
            case "float64.wav":
                _files.Wav(name, WavSampleFormat.Float64);
                break;
            case "lying.wav":
                _files.Wav(name, WavSampleFormat.Pcm16, new WavFixtureOptions { DataSizeOverride = 1_000_000 });
                break;
            case "text.wav":
                File.WriteAllText(path, "this is not audio at all, just some text that is long enough");
                break;
        }

        var srt = _files.PathOf(name + ".srt");
        var result = await CliRun.InProcessAsync("listen", "--input", path, "--fast", "--srt", srt);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain(path).And.ContainEquivalentOf(problem);
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle("one clear message, no stack trace");
        File.Exists(srt).Should().BeFalse("a bad input fails before any output file is created");
    }

    [Fact]
    public async Task Listen_AbsentMicrophone_ExitsOneNamingTheDevice()
    {
        var srt = _files.PathOf("mic.srt");

        var result = await CliRun.InProcessAsync("listen", "--input", "mic:captions-test-no-such-device", "--srt", srt);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("microphone pulse:captions-test-no-such-device").And.Contain("could not be opened");
        SrtParser.ParseFile(srt).Should().BeEmpty("the output written before the failure is a valid, empty subtitle file");
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--fast", "--realtime")]
    [InlineData("--asr", "nonexistent")]
    public async Task Listen_BadCommandLine_ExitsTwoWithMessage(params string[] extra)
    {
        var result = await CliRun.InProcessAsync(["listen", "--input", CliFixtures.Clip(), .. extra]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().StartWith("captions: ").And.Contain("--help");
    }

    [Fact]
    public async Task Listen_UnknownKeyInSettingsFile_ExitsTwoNamingKeyAndFile()
    {
        var config = _files.PathOf("settings.json");
        File.WriteAllText(config, """{ "Vad": { "Treshold": 3 } }""");

        var result = await CliRun.InProcessAsync("listen", "--input", CliFixtures.Clip(), "--config", config);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("Vad:Treshold").And.Contain(config);
    }

    [Fact]
    public async Task Listen_InvalidValueFromEnvironment_ExitsTwoNamingSetting()
    {
        var environment = CliRun.ProcessEnvironment(("CAPTIONS_VAD__HANGOVERMS", "1"));

        var result = await CliRun.InProcessAsync(environment, null, "listen", "--input", CliFixtures.Clip());

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("Vad:HangoverMs");
    }

    [Fact]
    public async Task Listen_SettingFromEnvironment_IsApplied()
    {
        // A 60 s hangover can't be satisfied by a 3 s clip: the one utterance only ends with the stream.
        var environment = CliRun.ProcessEnvironment(("CAPTIONS_VAD__HANGOVERMS", "5000"), ("CAPTIONS_PACING", "fast"));
        var events = _files.PathOf("env.jsonl");

        var result = await CliRun.InProcessAsync(environment, null, "listen", "--input", CliFixtures.Clip("0870"), "--events", events, "-q");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("1 utterances");
        result.Output.Should().BeEmpty("--quiet prints no captions");
    }
}
