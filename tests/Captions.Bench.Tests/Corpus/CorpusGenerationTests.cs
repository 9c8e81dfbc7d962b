using Captions.Bench.Corpus;
using Captions.Engine.Audio;
using Captions.Engine.Metrics;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Tests.Corpus;

/// <summary>
/// Generated items against the real tools: espeak-ng speech whose word timings are exact, mixes that move words by
/// exactly the inserted gaps at the asked SNR, sessions of the asked length, and the cache that makes reloads free.
/// </summary>
public sealed class CorpusGenerationTests : IDisposable, IClassFixture<SharedCorpusCache>
{
    private const string ThreeWords = "{'id': 'hi', 'synth': {'voice': 'en-us', 'text': 'Good morning, Lisbon!'}}";
    private readonly CorpusScratch _scratch;

    public CorpusGenerationTests(SharedCorpusCache cache)
    {
        _scratch = new CorpusScratch(cache.CacheRoot);
    }

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task LoadAsync_Synth_Writes16kWavWithWordsWhereTheSpeechIs()
    {
        _scratch.WriteManifest($"{{'name': 't', 'items': [{ThreeWords}]}}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Problems.Should().BeEmpty();
        CorpusItem item = corpus.Items.Should().ContainSingle().Subject;
        item.Should().BeEquivalentTo(new { Id = "hi", Kind = "synthetic", Language = "en", Transcript = "Good morning, Lisbon!", AlignmentSource = "synthesis" });
        item.AudioPath.Should().StartWith(Path.Combine(_scratch.CacheRoot, "corpus", "t", "hi-")).And.EndWith(".wav");
        File.Exists(Path.ChangeExtension(item.AudioPath, ".words.json")).Should().BeTrue();
        using (WavReader reader = WavReader.Open(item.AudioPath))
        {
            reader.Info.Should().BeEquivalentTo(new { SampleRate = 16000, Channels = 1, BitsPerSample = 16, Encoding = WavEncoding.Pcm });
        }

        item.Words!.Select(w => w.Word).Should().Equal(WordErrorRate.Normalize(item.Transcript!));
        float[] samples = AudioFile.ReadMono16k(item.AudioPath);
        item.DurationSeconds.Should().BeApproximately(samples.Length / 16000.0, 1e-9);
        foreach (ReferenceWord word in item.Words!)
        {
            (word.EndSeconds - word.StartSeconds).Should().BeInRange(0.1, 1.5, $"'{word.Word}' is one spoken word");
            Rms(samples, word.StartSeconds, word.EndSeconds).Should().BeGreaterThan(0.02, $"'{word.Word}' is speech");
        }

        for (int i = 1; i < item.Words.Count; i++)
        {
            double gap = item.Words[i].StartSeconds - item.Words[i - 1].EndSeconds;
            gap.Should().BeInRange(0.06 - 1e-9, 0.12 + 1e-9, "words are joined by a short natural pause");
            Peak(samples, item.Words[i - 1].EndSeconds, item.Words[i].StartSeconds).Should().BeLessThan(1e-3f, "the pause is silent");
        }

        Peak(samples, 0, item.Words[0].StartSeconds).Should().BeLessThan(1e-3f, "nothing is said before the first word");
        Peak(samples, item.Words[^1].EndSeconds, item.DurationSeconds).Should().BeLessThan(1e-3f, "nothing is said after the last word");
    }

    [Fact]
    public async Task LoadAsync_MandarinSynth_HasOneReferenceWordPerCharacter()
    {
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'zh', 'synth': {'voice': 'cmn-latn-pinyin', 'text': '你好。'}}]}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        CorpusItem item = corpus.Items.Should().ContainSingle().Subject;
        item.Language.Should().Be("zh");
        item.Words!.Select(w => w.Word).Should().Equal(CharacterErrorRate.Normalize(item.Transcript!));
        float[] samples = AudioFile.ReadMono16k(item.AudioPath);
        item.Words.Should().OnlyContain(w => Rms(samples, w.StartSeconds, w.EndSeconds) > 0.02);
    }

    [Fact]
    public async Task LoadAsync_MixWithGaps_ShiftsLaterWordsByExactlyTheGaps()
    {
        _scratch.WriteManifest($$$"""
            {'name': 't', 'items': [{{{ThreeWords}}},
              {'id': 'gapped', 'mix': {'from': 'hi', 'gaps': [{'after': 1, 'seconds': 1.25}, {'after': 0, 'seconds': 0.5}]}}]}
            """);

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Problems.Should().BeEmpty();
        CorpusItem source = corpus.Items[0], mix = corpus.Items[1];
        mix.Should().BeEquivalentTo(new { Kind = "noisy", Language = "en", source.Transcript, AlignmentSource = "synthesis" });
        mix.DurationSeconds.Should().BeApproximately(source.DurationSeconds + 1.75, 1e-9);
        double[] shifts = [0, 0.5, 1.75];
        for (int i = 0; i < 3; i++)
        {
            mix.Words![i].Word.Should().Be(source.Words![i].Word);
            mix.Words[i].StartSeconds.Should().BeApproximately(source.Words[i].StartSeconds + shifts[i], 1e-9);
            mix.Words[i].EndSeconds.Should().BeApproximately(source.Words[i].EndSeconds + shifts[i], 1e-9);
        }

        // Without noise the mix is the source, sample for sample, with silence spliced into the pauses.
        float[] original = AudioFile.ReadMono16k(source.AudioPath), gapped = AudioFile.ReadMono16k(mix.AudioPath);
        for (int i = 0; i < 3; i++)
        {
            int from = (int)Math.Round(source.Words![i].StartSeconds * 16000), to = (int)Math.Round(source.Words[i].EndSeconds * 16000);
            int shift = (int)Math.Round(shifts[i] * 16000);
            gapped.AsSpan(from + shift, to - from).SequenceEqual(original.AsSpan(from, to - from)).Should().BeTrue($"word {i} is moved intact");
        }

        Peak(gapped, mix.Words![0].EndSeconds, mix.Words[1].StartSeconds).Should().Be(0f, "the inserted gap is silence");
    }

    [Theory]
    [InlineData("white", 10)]
    [InlineData("pink", 5)]
    [InlineData("brown", 20)]
    public async Task LoadAsync_MixWithNoise_AddsNoiseAtTheAskedSnr(string noise, double snrDb)
    {
        _scratch.WriteManifest($"{{'name': 't', 'items': [{ThreeWords}, {{'id': 'n', 'mix': {{'from': 'hi', 'noise': '{noise}', 'snrDb': {snrDb}}}}}]}}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        float[] clean = AudioFile.ReadMono16k(corpus.Items[0].AudioPath), noisy = AudioFile.ReadMono16k(corpus.Items[1].AudioPath);
        noisy.Length.Should().Be(clean.Length);
        double signal = clean.Sum(s => (double)s * s), residual = clean.Zip(noisy, (c, n) => (double)(n - c) * (n - c)).Sum();
        (10 * Math.Log10(signal / residual)).Should().BeApproximately(snrDb, 0.2);
        corpus.Items[1].Words.Should().Equal(corpus.Items[0].Words, "noise alone moves no word");
    }

    [Fact]
    public async Task LoadAsync_MixGapAfterMissingWord_IsAProblemAndTheRestLoads()
    {
        _scratch.WriteManifest($"{{'name': 't', 'items': [{ThreeWords}, {{'id': 'g', 'mix': {{'from': 'hi', 'gaps': [{{'after': 3, 'seconds': 1}}]}}}}]}}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Items.Select(i => i.Id).Should().Equal("hi");
        corpus.Problems.Should().ContainSingle().Which.Should()
            .Contain($"{_scratch.ManifestPath}: item 'g'").And.Contain("field 'mix.gaps'").And.Contain("'hi' has 3 words");
    }

    [Fact]
    public async Task LoadAsync_Session_ConcatenatesRoundRobinUntilTheLengthIsReached()
    {
        _scratch.WriteManifest($$$"""
            {'name': 't', 'items': [{{{ThreeWords}}}, {'id': 'two', 'synth': {'voice': 'en-us', 'text': 'Thank you.'}},
              {'id': 's', 'session': {'from': ['hi', 'two'], 'minutes': 0.2, 'gapSeconds': 0.5}}]}
            """);

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Problems.Should().BeEmpty();
        CorpusItem hi = corpus.Items[0], two = corpus.Items[1], session = corpus.Items[2];
        session.Should().BeEquivalentTo(new { Kind = "session", Language = "en", AlignmentSource = "synthesis" });
        session.DurationSeconds.Should().BeGreaterThanOrEqualTo(12).And.BeLessThan(12 + 0.5 + hi.DurationSeconds);
        int clips = session.Words!.Count(w => w.Word == "good") + session.Words!.Count(w => w.Word == "thank");
        session.Transcript.Should().Be(string.Join(' ', Enumerable.Range(0, clips).Select(i => i % 2 == 0 ? hi.Transcript : two.Transcript)));
        session.Words.Should().HaveCount(((clips + 1) / 2 * 3) + (clips / 2 * 2));
        double secondClip = hi.DurationSeconds + 0.5, thirdClip = secondClip + two.DurationSeconds + 0.5;
        session.Words![3].StartSeconds.Should().BeApproximately(two.Words![0].StartSeconds + secondClip, 1e-9);
        session.Words[5].StartSeconds.Should().BeApproximately(hi.Words![0].StartSeconds + thirdClip, 1e-9);
        session.DurationSeconds.Should().BeApproximately(AudioFile.ReadMono16k(session.AudioPath).Length / 16000.0, 1e-9);
    }

    [Fact]
    public async Task LoadAsync_SecondLoad_ReusesTheCacheWithoutRewriting()
    {
        _scratch.WriteManifest($"{{'name': 't', 'items': [{ThreeWords}, {{'id': 'n', 'mix': {{'from': 'hi', 'noise': 'pink', 'snrDb': 12}}}}]}}");
        BenchCorpus first = await _scratch.LoadAsync();
        DateTime[] written = [.. first.Items.Select(i => File.GetLastWriteTimeUtc(i.AudioPath))];
        _scratch.Progress.Clear();

        BenchCorpus second = await _scratch.LoadAsync();

        second.Items.Select(i => i.AudioPath).Should().Equal(first.Items.Select(i => i.AudioPath));
        second.Items.Select(i => File.GetLastWriteTimeUtc(i.AudioPath)).Should().Equal(written);
        second.Items[0].Words.Should().Equal(first.Items[0].Words);
        _scratch.Progress.Should().NotContain(l => l.Contains("synthesising") || l.Contains("mixing"))
            .And.ContainSingle(l => l.Contains("0 built, 2 from cache"));
    }

    [Fact]
    public async Task LoadAsync_ChangedText_BuildsANewCacheFile()
    {
        _scratch.WriteManifest($"{{'name': 't', 'items': [{ThreeWords}]}}");
        string before = (await _scratch.LoadAsync()).Items[0].AudioPath;
        _scratch.WriteManifest("{'name': 't', 'items': [{'id': 'hi', 'synth': {'voice': 'en-us', 'text': 'Good evening, Lisbon!'}}]}");

        CorpusItem after = (await _scratch.LoadAsync()).Items[0];

        after.AudioPath.Should().NotBe(before);
        after.Words![1].Word.Should().Be("evening");
    }

    [Fact]
    public async Task LoadAsync_UnknownVoice_IsAProblemNamingTheItem()
    {
        _scratch.WriteManifest($"{{'name': 't', 'items': [{ThreeWords}, {{'id': 'bad', 'language': 'en', 'synth': {{'voice': 'qq-nonexistent', 'text': 'hello'}}}}]}}");

        BenchCorpus corpus = await _scratch.LoadAsync();

        corpus.Items.Select(i => i.Id).Should().Equal("hi");
        corpus.Problems.Should().ContainSingle().Which.Should().Contain("item 'bad'").And.Contain("qq-nonexistent");
    }

    private static double Rms(float[] samples, double from, double to)
    {
        int a = (int)Math.Round(from * 16000), b = Math.Min(samples.Length, (int)Math.Round(to * 16000));
        double sum = 0;
        for (int i = a; i < b; i++)
        {
            sum += samples[i] * samples[i];
        }

        return Math.Sqrt(sum / Math.Max(1, b - a));
    }

    private static float Peak(float[] samples, double from, double to)
    {
        int a = (int)Math.Round(from * 16000), b = Math.Min(samples.Length, (int)Math.Round(to * 16000));
        float peak = 0;
        for (int i = a; i < b; i++)
        {
            peak = Math.Max(peak, Math.Abs(samples[i]));
        }

        return peak;
    }
}
