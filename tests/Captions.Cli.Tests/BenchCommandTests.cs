using System.Text.Json;

namespace Captions.Cli.Tests;

/// <summary>
/// `captions bench` end to end on the bundled corpus (real LibriVox audio with its forced alignment, real
/// pocketsphinx, the real pipeline): reports written, numbers present, bad input named with a non-zero exit.
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    private const string ShortClip = "sense_and_sensibility_01_austen_64kb-0930";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"captions-bench-{Guid.NewGuid():N}");

    public BenchCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Bench_DrivenWithVariantAndPeer_WritesTableJsonAndHtml()
    {
        var output = Path.Combine(_dir, "out");

        var result = await CliRun.InProcessAsync(
            "bench", "--items", ShortClip, "--mode", "driven", "--variant", "short-hangover:Vad:HangoverMs=150", "--out", output);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("commit").And.Contain("short-hangover").And.Contain("pocketsphinx_continuous");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
        var configurations = json.RootElement.GetProperty("configurations");
        configurations.GetArrayLength().Should().Be(2);
        foreach (var configuration in configurations.EnumerateArray())
        {
            var item = configuration.GetProperty("items")[0];
            item.GetProperty("status").GetString().Should().Be("ok");
            item.GetProperty("emissions").GetArrayLength().Should().BeGreaterThan(0);
            item.GetProperty("wordLags").GetArrayLength().Should().Be(8, "the clip's forced alignment has 8 words");
            configuration.GetProperty("summary").GetProperty("commitP50").GetDouble().Should().BePositive();
        }

        var peer = json.RootElement.GetProperty("peers")[0];
        peer.GetProperty("name").GetString().Should().Be("pocketsphinx_continuous");
        peer.GetProperty("items")[0].GetProperty("hypothesis").GetString().Should().NotBeNullOrWhiteSpace();
        var html = await File.ReadAllTextAsync(Path.Combine(output, "report.html"));
        html.Should().Contain("<svg").And.Contain("short-hangover").And.NotContain("src=\"http");
    }

    [Fact]
    public async Task Bench_RealTimeWithHeadlessDisplayAndTranslation_MeasuresTranslationAndFrameLag()
    {
        var output = Path.Combine(_dir, "rt");

        var result = await CliRun.InProcessAsync(
            "bench", "--items", ShortClip, "--to", "es", "--translator", "apertium", "--display", "headless", "--peers", "none", "--out", output);

        result.ExitCode.Should().Be(0, result.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
        var summary = json.RootElement.GetProperty("configurations")[0].GetProperty("summary");
        summary.GetProperty("translationLagP50").GetDouble().Should().BeGreaterThan(0, "the committed line waited for Apertium");
        summary.GetProperty("presentedLagP50").ValueKind.Should().Be(JsonValueKind.Number, "every version was drawn off-screen");
        summary.GetProperty("wallRtf").GetDouble().Should().BeGreaterThan(0.9, "real-time pacing plays the clip at its own speed");
    }

    [Fact]
    public async Task Bench_MissingCorpus_NamesItAndFails()
    {
        var result = await CliRun.InProcessAsync("bench", "--corpus", Path.Combine(_dir, "nowhere"), "--out", _dir);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("nowhere");
    }

    [Fact]
    public async Task Bench_ManifestThatNamesNothing_SaysSoAndFails()
    {
        var manifest = Path.Combine(_dir, "manifest.json");
        await File.WriteAllTextAsync(manifest, """{"name": "empty", "items": []}""");

        var result = await CliRun.InProcessAsync("bench", "--corpus", manifest, "--out", Path.Combine(_dir, "out"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain(manifest);
    }

    [Fact]
    public async Task Bench_MissingAudioAndNoTranscript_RunsTheRestAndWritesAPartialReport()
    {
        var manifest = Path.Combine(_dir, "manifest.json");
        File.Copy($"/usr/share/pocketsphinx/test/data/librivox/{ShortClip}.wav", Path.Combine(_dir, "untranscribed.wav"));
        await File.WriteAllTextAsync(manifest, """
            {"name": "mine", "items": [
              {"id": "gone", "audio": "gone.wav", "transcript": "hello"},
              {"id": "untranscribed", "audio": "untranscribed.wav"}
            ]}
            """);
        var output = Path.Combine(_dir, "out");

        var result = await CliRun.InProcessAsync("bench", "--corpus", manifest, "--mode", "driven", "--peers", "none", "--out", output);

        result.ExitCode.Should().Be(1, "a named file is missing");
        result.Error.Should().Contain("gone.wav");
        var report = await File.ReadAllTextAsync(Path.Combine(output, "report.json"));
        report.Should().Contain("untranscribed").And.Contain("WER skipped");
    }

    [Fact]
    public async Task Bench_MalformedVariant_IsAUsageError()
    {
        var result = await CliRun.InProcessAsync("bench", "--variant", "novalue", "--out", _dir);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--variant 'novalue'");
    }

    [Fact]
    public async Task Bench_VariantWithUnknownKey_NamesTheKey()
    {
        var result = await CliRun.InProcessAsync("bench", "--variant", "x:Vad:Nonsense=1", "--out", _dir);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("Vad:Nonsense");
    }

    [Fact]
    public async Task Bench_ItemsMatchingNothing_ListsTheIds()
    {
        var result = await CliRun.InProcessAsync("bench", "--items", "no-such-item", "--out", _dir);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("no-such-item").And.Contain("jfk");
    }
}
