using System.Text.Json.Nodes;
using Captions.Bench.Corpus;
using Captions.Engine.Audio;
using Captions.Engine.Hosting;
using Captions.Engine.Metrics;

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
        // All() rather than OnlyContain(): FluentAssertions fails OnlyContain on an empty list, and once the aligner's
        // files are merged there are no problems at all.
        corpus.Problems.All(p => p.Contains("alignment") || p.Contains("word timings")).Should().BeTrue(
            "only the aligner's files may be missing, but the problems were: {0}", string.Join("; ", corpus.Problems));
        string[] expected = ["jfk", "en-1", "en-2", "es-1", "es-2", "fr-1", "fr-2", "de-1", "de-2", "zh-1", "zh-2", "en-1-noisy", "es-1-noisy", "zh-1-noisy"];
        corpus.Items.Select(i => i.Id).Should().Contain(expected);
        corpus.Items.Where(i => i.Id.StartsWith("sense_and_sensibility", StringComparison.Ordinal) && i.Kind == "real").Should().HaveCount(5);
        corpus.Items.Select(i => i.Language).Distinct().Should().BeEquivalentTo("en", "es", "fr", "de", "zh");
        corpus.Items.Should().OnlyContain(i => i.Transcript != null && File.Exists(i.AudioPath));
        corpus.Items.Where(i => i.Kind == "synthetic").Should().OnlyContain(i => i.DurationSeconds >= 2.5 && i.DurationSeconds <= 6.5 && i.Words != null);
        corpus.Items.Sum(i => i.DurationSeconds).Should().BeLessThan(180, "a realtime bench replays the default corpus in real time");
    }

    [Fact]
    public async Task LoadAsync_DefaultRealItemsWithAlignments_LoadWithoutProblems()
    {
        // The default manifest's recordings and their gapped mixes, with evenly spaced stand-in alignments where the
        // aligner's files will be: proves the gap word indices fit the transcripts and the ids match the file names.
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(CorpusLoader.DefaultManifestPath))!.AsObject();
        JsonArray items = manifest["items"]!.AsArray();
        string[] real = [.. items.Where(i => i!["audio"] is not null).Select(i => (string)i!["id"]!)];
        var kept = new JsonArray([.. items.Where(i => i!["audio"] is not null || (i["mix"] is { } mix && real.Contains((string)mix["from"]!))).Select(i => i!.DeepClone())]);
        manifest["items"] = kept;
        _scratch.WriteManifest(manifest.ToJsonString(), quotes: false);
        var transcription = ReferenceCorpus.ReadTranscription(Path.Combine(CaptionsPaths.LibriVoxDirectory, ReferenceCorpus.TranscriptionFile)).ToDictionary(p => p.Key, p => p.Value);
        CorpusLoadOptions options = _scratch.Options;
        foreach (JsonNode item in kept.Where(i => i!["audio"] is not null)!)
        {
            string id = (string)item["id"]!;
            string audio = (string)item["audio"]! == "{jfk}" ? options.JfkWavPath! : Path.Combine(CaptionsPaths.LibriVoxDirectory, id + ".wav");
            IReadOnlyList<string> words = WordErrorRate.Normalize((string?)item["transcript"] ?? transcription[id]);
            double seconds = AudioFile.ReadMono16k(audio).Length / 16000.0, step = (seconds - 0.4) / words.Count;
            var json = new JsonArray([.. words.Select((w, k) => new JsonObject { ["word"] = w, ["start"] = 0.2 + (k * step), ["end"] = 0.2 + ((k + 0.8) * step) })]);
            _scratch.WriteFile((string)item["alignment"]!, new JsonObject { ["source"] = "evenly spaced", ["words"] = json }.ToJsonString());
        }

        BenchCorpus corpus = await CorpusLoader.LoadAsync(_scratch.ManifestPath, options).WaitAsync(CorpusScratch.Timeout);

        corpus.Problems.Should().BeEmpty();
        corpus.Items.Should().HaveCount(8).And.OnlyContain(i => i.Words != null && i.AlignmentSource == "evenly spaced");
        CorpusItem jfk = corpus.Items.Single(i => i.Id == "jfk"), noisy = corpus.Items.Single(i => i.Id == "jfk-noisy");
        noisy.DurationSeconds.Should().BeApproximately(jfk.DurationSeconds + 3.5, 1e-9);
        noisy.Words![5].StartSeconds.Should().BeApproximately(jfk.Words![5].StartSeconds + 2.0, 1e-9, "2 s are inserted after 'americans'");
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
