using Captions.Bench.Corpus;
using Captions.Engine.Audio;
using Captions.Engine.Hosting;

namespace Captions.Bench.Tests.Corpus;

/// <summary>
/// Items that name existing recordings: transcripts from the manifest, a file or a pocketsphinx `transcription`,
/// alignment files, and the single-item failures that must not sink the corpus.
/// </summary>
public sealed class RecordedItemTests : IDisposable
{
    private readonly CorpusScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task LoadAsync_AudioWithTranscriptAndAlignment_ResolvesEverything()
    {
        _scratch.WriteToneWav("clips/a.wav", 2.0);
        _scratch.WriteFile("align/a.json", """{"source": "pocketsphinx forced alignment", "words": [{"word": "hello", "start": 0.1, "end": 0.5, "score": -3}, {"word": "there", "start": 0.6, "end": 1.1}]}""");
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'a', 'audio': 'clips/a.wav', 'language': 'fr', 'transcript': 'Hello there', 'alignment': 'align/a.json'}]}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Problems.Should().BeEmpty();
        corpus.Name.Should().Be("t");
        corpus.ManifestPath.Should().Be(_scratch.ManifestPath);
        CorpusItem item = corpus.Items.Should().ContainSingle().Subject;
        item.Should().BeEquivalentTo(new
        {
            Id = "a",
            AudioPath = Path.Combine(_scratch.CorpusDirectory, "clips", "a.wav"),
            Kind = "real",
            Language = "fr",
            Transcript = "Hello there",
            AlignmentSource = "pocketsphinx forced alignment",
            DurationSeconds = 2.0,
        });
        item.Words.Should().Equal(new Engine.Metrics.Latency.ReferenceWord("hello", 0.1, 0.5), new Engine.Metrics.Latency.ReferenceWord("there", 0.6, 1.1));
    }

    [Fact]
    public async Task LoadAsync_TranscriptFile_IsReadWithWhitespaceCollapsed()
    {
        _scratch.WriteToneWav("a.wav", 0.5);
        _scratch.WriteFile("a.txt", "  one\ntwo   three \n");
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'a', 'audio': 'a.wav', 'transcriptFile': 'a.txt'}]}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Items[0].Transcript.Should().Be("one two three");
    }

    [Fact]
    public async Task LoadAsync_LibriVoxWithoutTranscript_TakesItFromTheTranscriptionFile()
    {
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'l', 'audio': '{librivox}/sense_and_sensibility_01_austen_64kb-0880.wav'}]}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Problems.Should().BeEmpty();
        corpus.Items[0].Transcript.Should().Be("he was not an ill disposed young man");
        corpus.Items[0].AudioPath.Should().Be(Path.Combine(CaptionsPaths.LibriVoxDirectory, "sense_and_sensibility_01_austen_64kb-0880.wav"));
        corpus.Items[0].DurationSeconds.Should().BeInRange(2, 8);
    }

    [Fact]
    public async Task LoadAsync_AudioWithoutTranscript_KeepsTheItemForLatencyOnly()
    {
        _scratch.WriteToneWav("a.wav", 0.5);
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'a', 'audio': 'a.wav'}]}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Items.Should().ContainSingle().Which.Transcript.Should().BeNull();
        corpus.Problems.Should().ContainSingle().Which.Should().Contain($"{_scratch.ManifestPath}: item 'a': no transcript").And.Contain("latency only");
    }

    [Fact]
    public async Task LoadAsync_MissingAudio_IsAProblemAndDependantsFailWithIt()
    {
        _scratch.WriteToneWav("ok.wav", 0.5);
        _scratch.WriteManifest("""
            {'name': 't', 'items': [
              {'id': 'gone', 'audio': 'gone.wav', 'transcript': 'x'},
              {'id': 'ok', 'audio': 'ok.wav', 'transcript': 'y'},
              {'id': 'noisy', 'mix': {'from': 'gone', 'noise': 'white'}}]}
            """);

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Items.Select(i => i.Id).Should().Equal("ok");
        corpus.Problems.Should().HaveCount(2);
        corpus.Problems[0].Should().Contain($"{_scratch.ManifestPath}: item 'gone'").And.Contain("field 'audio'")
            .And.Contain(Path.Combine(_scratch.CorpusDirectory, "gone.wav")).And.Contain("not found");
        corpus.Problems[1].Should().Contain("item 'noisy'").And.Contain("source 'gone' could not be loaded");
    }

    [Fact]
    public async Task LoadAsync_SessionWithAMissingSource_RotatesThroughTheOthers()
    {
        _scratch.WriteToneWav("ok.wav", 0.5);
        _scratch.WriteManifest("""
            {'name': 't', 'items': [
              {'id': 'gone', 'audio': 'gone.wav', 'transcript': 'x'},
              {'id': 'ok', 'audio': 'ok.wav', 'transcript': 'tone'},
              {'id': 's', 'session': {'from': ['gone', 'ok'], 'minutes': 0.02, 'gapSeconds': 0.25}}]}
            """);

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Items.Select(i => i.Id).Should().Equal("ok", "s");
        corpus.Items[1].Transcript.Should().Be("tone tone", "1.2 s needs two 0.5 s clips");
        corpus.Items[1].DurationSeconds.Should().BeApproximately(1.25, 1e-9);
        corpus.Items[1].Words.Should().BeNull();
        corpus.Problems.Should().HaveCount(3);
        corpus.Problems[1].Should().Contain("item 's': field 'session.from': built without 'gone'");
        corpus.Problems[2].Should().Contain("item 's': no word timings: its source 'ok' has none");
    }

    [Fact]
    public async Task LoadAsync_NotAWav_IsAProblem()
    {
        _scratch.WriteFile("a.wav", "this is text");
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'a', 'audio': 'a.wav', 'transcript': 'x'}]}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Items.Should().BeEmpty();
        corpus.Problems.Should().ContainSingle().Which.Should().Contain("item 'a'").And.Contain("not a WAV file");
    }

    [Theory]
    [InlineData(null, "not found")]
    [InlineData("{\"words\": [{\"word\": \"a\", \"start\": 1}]}", "words[0]: expected")]
    [InlineData("{\"words\": [{\"word\": \"a\", \"start\": 1, \"end\": 0.5}]}", "words[0]: 'a' runs from 1 s to 0.5 s")]
    [InlineData("{\"words\": [{\"word\": \"a\", \"start\": 1, \"end\": 1.2}, {\"word\": \"b\", \"start\": 0.5, \"end\": 0.7}]}", "words[1]: 'b' starts before")]
    [InlineData("{\"words\": [{\"word\": \"a\", \"start\": 1, \"end\": 9}]}", "after the audio")]
    [InlineData("{\"words\": [", "malformed JSON")]
    public async Task LoadAsync_BadAlignment_KeepsTheItemWithoutWords(string? alignment, string expected)
    {
        _scratch.WriteToneWav("a.wav", 2.0);
        if (alignment is not null)
        {
            _scratch.WriteFile("a.json", alignment);
        }

        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'a', 'audio': 'a.wav', 'transcript': 'a', 'alignment': 'a.json'}]}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Items.Should().ContainSingle().Which.Words.Should().BeNull();
        corpus.Items[0].AlignmentSource.Should().BeNull();
        corpus.Problems.Should().ContainSingle().Which.Should()
            .Contain($"{_scratch.ManifestPath}: item 'a': field 'alignment'").And.Contain(Path.Combine(_scratch.CorpusDirectory, "a.json")).And.Contain(expected);
    }

    [Fact]
    public async Task LoadAsync_StereoAudio_IsConvertedTo16kMonoInTheCache()
    {
        string path = Path.Combine(_scratch.CorpusDirectory, "stereo.wav");
        WriteStereo44k(path, seconds: 1.0);
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 's', 'audio': 'stereo.wav', 'transcript': 'x'}]}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        CorpusItem item = corpus.Items.Should().ContainSingle().Subject;
        item.AudioPath.Should().StartWith(_scratch.CacheRoot);
        using WavReader reader = WavReader.Open(item.AudioPath);
        reader.Info.Should().BeEquivalentTo(new { SampleRate = 16000, Channels = 1, BitsPerSample = 16 });
        item.DurationSeconds.Should().BeApproximately(1.0, 0.01);
    }

    private static void WriteStereo44k(string path, double seconds)
    {
        int frames = (int)(44100 * seconds);
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + (frames * 4));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)2);
        writer.Write(44100);
        writer.Write(44100 * 4);
        writer.Write((short)4);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(frames * 4);
        for (int i = 0; i < frames; i++)
        {
            short v = (short)(8000 * Math.Sin(2 * Math.PI * 300 * i / 44100));
            writer.Write(v);
            writer.Write(v);
        }
    }
}
