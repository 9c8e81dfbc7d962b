using Captions.TestKit.Captions;
using Captions.Engine.Metrics;

namespace Captions.Cli.Tests;

public sealed class TranslateCommandTests
{
    [Fact]
    public async Task Translate_NoQwenConfigured_FallsBackToApertiumWithANotice()
    {
        var environment = CliRun.ProcessEnvironment(("CAPTIONS_QWEN_BASE_URL", null));

        var result = await CliRun.InProcessAsync(environment, null, "translate", "--to", "es", "The cat is on the table.");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Trim().Should().Be("El gato es en la mesa.", "recorded from Apertium 3.8 eng-spa");
        result.Error.Should().Contain("Apertium");
    }

    [Fact]
    public async Task Translate_UnreachableEndpoint_PrintsSourceFailsAndNeverShowsTheKey()
    {
        var environment = CliRun.ProcessEnvironment(
            ("CAPTIONS_QWEN_BASE_URL", "http://127.0.0.1:9/v1"), ("CAPTIONS_QWEN_MODEL", "qwen-test"), ("CAPTIONS_QWEN_API_KEY", "sk-secret-4242"));

        var result = await CliRun.InProcessAsync(environment, null, "translate", "--to", "es", "hello there");

        result.ExitCode.Should().Be(1);
        result.Output.Trim().Should().Be("hello there", "nothing is lost: the source stands in");
        result.Error.Should().Contain("Unreachable").And.Contain("127.0.0.1:9");
        (result.Output + result.Error).Should().NotContain("sk-secret-4242");
    }

    [Fact]
    public async Task Translate_PairNobodyHas_SaysSoAndFails()
    {
        var environment = CliRun.ProcessEnvironment(("CAPTIONS_QWEN_BASE_URL", null));

        var result = await CliRun.InProcessAsync(environment, null, "translate", "--to", "zh", "hello");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("en->zh");
    }

    [Fact]
    public async Task Listen_ToSpanish_WritesBilingualSubtitles()
    {
        var clip = ReferenceCorpus.Load()[0];
        var srt = Path.Combine(Path.GetTempPath(), $"captions-bilingual-{Guid.NewGuid():N}.srt");
        try
        {
            var environment = CliRun.ProcessEnvironment(("CAPTIONS_QWEN_BASE_URL", null));
            var result = await CliRun.InProcessAsync(
                environment, null, "listen", "-i", clip.WavPath, "--fast", "--asr", "sphinx", "--to", "es", "--translator", "apertium", "--srt", srt, "-q");

            result.ExitCode.Should().Be(0, result.ToString());
            var cues = SrtParser.ParseFile(srt);
            cues.Should().NotBeEmpty();
            cues.Should().OnlyContain(c => c.Lines.Count >= 2, "each cue shows the source and its translation below");
            string.Join(' ', cues.SelectMany(c => c.Lines)).Should().Contain("dashwood").And.Contain(" en ", "Spanish lines are there");
            result.Error.Should().Contain("translation:").And.Contain("0 failed");
        }
        finally
        {
            File.Delete(srt);
        }
    }
}
