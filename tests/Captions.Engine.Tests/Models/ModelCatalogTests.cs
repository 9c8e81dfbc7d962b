using System.Text.RegularExpressions;
using Captions.Engine.Hosting;
using Captions.Engine.Models;

namespace Captions.Engine.Tests.Models;

public sealed partial class ModelCatalogTests
{
    private static string WhisperModelsDirectory => Path.Combine(CaptionsPaths.FromEnvironment().WhisperSourceDirectory, "models");

    [Fact]
    public void WhisperCppModels_Sha1s_AreExactlyThoseInWhisperCppReadme()
    {
        var readme = Path.Combine(WhisperModelsDirectory, "README.md");
        File.Exists(readme).Should().BeTrue($"{readme} ships in npm nodejs-whisper@0.3.1; run ./scripts/bootstrap.sh");
        var published = ReadmeRow().Matches(File.ReadAllText(readme))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["sha"].Value, StringComparer.Ordinal);

        foreach (var model in ModelCatalog.WhisperCppModels)
        {
            if (published.TryGetValue(model.Name, out var sha1))
            {
                model.Sha1.Should().Be(sha1, $"{model.Name}'s SHA-1 is published in {readme}");
            }
            else
            {
                model.Sha1.Should().BeNull($"{readme} publishes no checksum for {model.Name}: we must not invent one");
            }

            model.Sha256.Should().BeNull("whisper.cpp publishes no SHA-256");
        }

        ModelCatalog.WhisperCppModels.Count(m => m.Sha1 is not null).Should().Be(6, "tiny, base, small and their .en variants");
    }

    [Fact]
    public void WhisperCppModels_Names_AreInWhisperCppDownloadScript()
    {
        var script = Path.Combine(WhisperModelsDirectory, "download-ggml-model.sh");
        File.Exists(script).Should().BeTrue($"{script} ships in npm nodejs-whisper@0.3.1; run ./scripts/bootstrap.sh");
        var names = File.ReadAllLines(script).Select(l => l.Replace("models=", string.Empty, StringComparison.Ordinal).Trim().Trim('"')).ToHashSet(StringComparer.Ordinal);

        ModelCatalog.WhisperCppModels.Select(m => m.Name).Should().OnlyContain(n => names.Contains(n));
        ModelCatalog.WhisperCppModels.Select(m => m.Name).Should().Contain(["tiny", "tiny.en", "base.en", "small", "tiny-q5_1", "base.en-q5_1", "small-q8_0"]);
    }

    [Fact]
    public void DownloadUrl_Default_FollowsWhisperCppScriptPattern()
    {
        var catalog = ModelCatalog.CreateDefault();

        catalog.DownloadUrl(catalog.Find("tiny.en")!).Should().Be(new Uri("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-tiny.en.bin"));
    }

    [Fact]
    public void DownloadUrl_BaseWithoutTrailingSlash_KeepsItsPath()
    {
        var catalog = ModelCatalog.CreateDefault(new Uri("http://mirror.local/whisper"));

        catalog.DownloadUrl(catalog.Find("base")!).Should().Be(new Uri("http://mirror.local/whisper/ggml-base.bin"));
    }

    [Fact]
    public void Find_ByNameAndFileName_ReturnsEntryOrNull()
    {
        var catalog = ModelCatalog.CreateDefault();

        catalog.Find("small.en-q5_1")!.Quantization.Should().Be("q5_1");
        catalog.Find("small.en")!.Quantization.Should().BeNull();
        catalog.Find("small.en")!.IsEnglishOnly.Should().BeTrue();
        catalog.FindByFileName("ggml-base.bin")!.Name.Should().Be("base");
        catalog.Find("large-v3").Should().BeNull();
        catalog.FindByFileName("base.bin").Should().BeNull();
    }

    [Fact]
    public void QwenModels_HaveTheirOwnUrlsAndGgufFiles()
    {
        var catalog = ModelCatalog.CreateDefault(new Uri("http://mirror.local/whisper"));

        var qwen = catalog.Find("qwen2.5-0.5b-instruct")!;
        qwen.Kind.Should().Be(ModelKind.QwenGguf);
        qwen.FileName.Should().Be("qwen2.5-0.5b-instruct-q4_k_m.gguf");
        qwen.HasPublishedChecksum.Should().BeFalse("Qwen publishes no checksums: pulls are unverified, their sha256 recorded");
        catalog.DownloadUrl(qwen).Should().Be(new Uri("https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf"));
        catalog.FindByFileName("qwen2.5-0.5b-instruct-q4_k_m.gguf").Should().Be(qwen);
        catalog.Find("tiny")!.Kind.Should().Be(ModelKind.Whisper);
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Constructor_UnsafeName_Throws(string name)
    {
        var act = () => new ModelCatalog([new WhisperModelInfo(name)], new Uri(ModelCatalog.DefaultBaseUrl));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Constructor_DuplicateOrNonHttpBase_Throws()
    {
        var duplicate = () => ModelCatalog.CreateDefault(extra: [new WhisperModelInfo("tiny")]);
        var ftp = () => ModelCatalog.CreateDefault(new Uri("ftp://mirror/"));

        duplicate.Should().Throw<ArgumentException>().WithMessage("*'tiny' is listed twice*");
        ftp.Should().Throw<ArgumentException>().WithMessage("*ftp://mirror/*");
    }

    // | tiny.en             | 75 MiB  | `c78c86eb1a8faa21b369bcd33207cc90d64ae9df` |
    [GeneratedRegex(@"^\|\s*(?<name>[\w.\-]+)\s*\|[^|]*\|\s*`(?<sha>[0-9a-f]{40})`\s*\|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
