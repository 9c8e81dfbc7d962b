using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Engine.Metrics;
using Captions.Engine.Speech;
using Xunit.Abstractions;

namespace Captions.Speech.Sphinx.Tests;

/// <summary>The recogniser on real speech: the five LibriVox clips of pocketsphinx-testdata, fed in 20 ms chunks.</summary>
public sealed class SphinxRecognizerLibriVoxTests : IClassFixture<SphinxRecognizerFixture>
{
    private readonly SphinxRecognizerFixture _fixture;
    private readonly ITestOutputHelper _output;

    public SphinxRecognizerLibriVoxTests(SphinxRecognizerFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void LibriVox_FiveClipsIn20MsChunks_CorpusWerWithinMeasuredBound()
    {
        var perClip = new List<WordErrorCounts>();
        foreach (LibriVoxResult result in _fixture.LibriVox)
        {
            WordErrorCounts counts = WordErrorRate.Compute(result.Clip.Reference, result.Run.Final.Text);
            perClip.Add(counts);
            _output.WriteLine($"{result.Clip.Id}: {counts}\n  ref: {result.Clip.Reference}\n  hyp: {result.Run.Final.Text}");
        }

        WordErrorCounts corpus = WordErrorRate.Aggregate(perClip);
        _output.WriteLine($"corpus: {corpus}");

        // Measured 26.8% (S=15 D=3 I=1 of 71 words) with the default options (no second pass); the same clips
        // through pocketsphinx_continuous score 36.6%. Bound: measured + ~3 words of slack for float rounding
        // differences in other WAV readers or a rebuilt libpocketsphinx.
        perClip.Should().HaveCount(5);
        corpus.ReferenceWords.Should().Be(71);
        corpus.Rate.Should().BeLessThan(0.31);
    }

    [Fact]
    public void AcceptAudio_DuringSpeech_ReturnsChangedPartialsAndFinalIsNoWorse()
    {
        foreach (LibriVoxResult result in _fixture.LibriVox)
        {
            IReadOnlyList<SpeechHypothesis> partials = result.Run.Partials;

            // A 3-7 s clip queried every 160 ms: measured 12-37 partials a clip.
            partials.Should().HaveCountGreaterThanOrEqualTo(5, result.Clip.Id);
            partials.Should().OnlyContain(p => !p.IsFinal);
            for (int i = 1; i < partials.Count; i++)
            {
                partials[i].Text.Should().NotBe(partials[i - 1].Text, $"{result.Clip.Id}: a partial is returned only when the text changed");
                partials[i].End.Should().BeGreaterThan(partials[i - 1].End);
            }

            SpeechHypothesis final = result.Run.Final;
            final.IsFinal.Should().BeTrue();
            double finalWer = WordErrorRate.Compute(result.Clip.Reference, final.Text).Rate;
            double lastPartialWer = WordErrorRate.Compute(result.Clip.Reference, partials[^1].Text).Rate;
            finalWer.Should().BeLessThanOrEqualTo(lastPartialWer, $"{result.Clip.Id}: final '{final.Text}' vs last partial '{partials[^1].Text}'");
        }
    }

    [Fact]
    public void EndUtterance_LibriVoxClip_WordTimesMonotonicAndInsideClip()
    {
        foreach (LibriVoxResult result in _fixture.LibriVox)
        {
            TimeSpan clipEnd = AudioFormat.SamplesToTime(result.SampleCount);
            SpeechHypothesis final = result.Run.Final;
            IReadOnlyList<WordTiming> words = final.Words;

            final.Start.Should().Be(TimeSpan.Zero);
            final.End.Should().Be(clipEnd);
            words.Should().NotBeEmpty(result.Clip.Id);
            string.Join(' ', words.Select(w => w.Word)).Should().Be(final.Text);
            words.Should().OnlyContain(w => w.Word.Length > 0 && !w.Word.Contains('(') && !w.Word.Contains('<') && !w.Word.Contains('['));
            words.Should().OnlyContain(w => w.Confidence > 0 && w.Confidence <= 1);
            TimeSpan previousEnd = TimeSpan.Zero;
            foreach (WordTiming word in words)
            {
                word.Start.Should().BeGreaterThanOrEqualTo(previousEnd, $"{result.Clip.Id} '{word.Word}'");
                word.End.Should().BeGreaterThan(word.Start);
                word.End.Should().BeLessThanOrEqualTo(clipEnd);
                previousEnd = word.End;
            }

            // LibriVox clips start with a breath of silence: the first word is not at 0 (measured >= 0.2 s).
            words[0].Start.Should().BeGreaterThan(TimeSpan.FromMilliseconds(100), result.Clip.Id);
        }
    }

    [Fact]
    public void EndUtterance_UtteranceStartingLaterInStream_ShiftsWordTimes()
    {
        LibriVoxResult atZero = _fixture.LibriVox.Single(r => r.Clip.Id.EndsWith("0880", StringComparison.Ordinal));
        TimeSpan offset = TimeSpan.FromSeconds(42.5);

        RecognizerRun later = RecognizerRun.Feed(_fixture.Recognizer, atZero.Clip.ReadMono16k(), offset);

        later.Final.Text.Should().Be(atZero.Run.Final.Text);
        later.Final.Start.Should().Be(offset);
        later.Final.Words.Select(w => w.Start - offset).Should().Equal(atZero.Run.Final.Words.Select(w => w.Start));
        later.Partials.Should().OnlyContain(p => p.Start == offset && p.End > offset);
    }
}
