using Captions.Bench.Corpus;

namespace Captions.Bench.Tests.Corpus;

/// <summary>The corpora shipped with the harness load, and a --corpus argument finds folders, files and names.</summary>
public sealed class BundledCorpusTests : IDisposable
{
    private readonly CorpusScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task LoadAsync_DefaultManifest_LoadsEveryItemOrOnlyLacksAlignments()
    {
        // The machine's cache, as `captions bench` uses it: built once per machine (~20 s), a cache hit afterwards.
        BenchCorpus corpus = await CorpusLoader.LoadAsync(CorpusLoader.DefaultManifestPath, CorpusLoadOptions.FromEnvironment())
            .WaitAsync(TimeSpan.FromMinutes(3));

        corpus.Name.Should().Be("default");
        corpus.Problems.Should().OnlyContain(p => p.Contains("alignment") || p.Contains("word timings"), "only the aligner's files may be missing");
        string[] expected = ["jfk", "en-1", "en-2", "es-1", "es-2", "fr-1", "fr-2", "de-1", "de-2", "zh-1", "zh-2", "en-1-noisy", "es-1-noisy", "zh-1-noisy"];
        corpus.Items.Select(i => i.Id).Should().Contain(expected);
        corpus.Items.Where(i => i.Id.StartsWith("sense_and_sensibility", StringComparison.Ordinal) && i.Kind == "real").Should().HaveCount(5);
        corpus.Items.Select(i => i.Language).Distinct().Should().BeEquivalentTo("en", "es", "fr", "de", "zh");
        corpus.Items.Should().OnlyContain(i => i.Transcript != null && File.Exists(i.AudioPath));
        corpus.Items.Where(i => i.Kind == "synthetic").Should().OnlyContain(i => i.DurationSeconds >= 2.5 && i.DurationSeconds <= 6.5 && i.Words != null);
        corpus.Items.Sum(i => i.DurationSeconds).Should().BeLessThan(180, "a realtime bench replays the default corpus in real time");
    }

    [Fact]
    public void ResolveManifestPath_NamesFoldersFilesAndBundledCorpora()
    {
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'a', 'audio': 'a.wav'}]}");

        CorpusLoader.ResolveManifestPath(null).Should().Be(CorpusLoader.DefaultManifestPath);
        CorpusLoader.ResolveManifestPath(_scratch.CorpusDirectory).Should().Be(_scratch.ManifestPath);
        CorpusLoader.ResolveManifestPath(_scratch.ManifestPath).Should().Be(_scratch.ManifestPath);
        CorpusLoader.ResolveManifestPath("long").Should().Be(Path.Combine(AppContext.BaseDirectory, "corpus", "long", "manifest.json"));
        File.Exists(CorpusLoader.ResolveManifestPath("default")).Should().BeTrue();
        File.Exists(CorpusLoader.ResolveManifestPath("long")).Should().BeTrue();
    }

    [Fact]
    public void ResolveManifestPath_UnknownArgument_ThrowsListingTheChoices()
    {
        var act = () => CorpusLoader.ResolveManifestPath("no-such-corpus");

        act.Should().Throw<CorpusException>().Which.Message.Should().Contain("'no-such-corpus'").And.Contain("default, long");
    }

    [Fact]
    public void ResolveManifestPath_FolderWithoutManifest_ThrowsNamingTheFolder()
    {
        var act = () => CorpusLoader.ResolveManifestPath(_scratch.CorpusDirectory);

        act.Should().Throw<CorpusException>().Which.Message.Should().Contain(_scratch.CorpusDirectory).And.Contain("manifest.json");
    }

    [Fact]
    public async Task LoadAsync_IncludedItems_ServeAsSourcesWithoutBeingItems()
    {
        _scratch.WriteFile("base/manifest.json", "{\"name\": \"base\", \"items\": [{\"id\": \"hi\", \"synth\": {\"voice\": \"en-us\", \"text\": \"Hello.\"}}]}");
        _scratch.WriteManifest("{'name': 'top', 'include': 'base/manifest.json', 'items': [{'id': 's', 'session': {'from': ['hi'], 'minutes': 0.05, 'gapSeconds': 0}}]}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Problems.Should().BeEmpty();
        corpus.Items.Select(i => i.Id).Should().Equal("s");
        corpus.Items[0].DurationSeconds.Should().BeGreaterThanOrEqualTo(3);
        Directory.GetFiles(Path.Combine(_scratch.CacheRoot, "corpus", "base"), "hi-*.wav").Should().ContainSingle("an included item is cached under its own manifest's name");
    }
}
