using Captions.Bench.Alignment;
using Captions.Engine.Audio;
using Captions.Engine.Hosting;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Tests.Alignment;

/// <summary>The aligner's contract on real speech (jfk.wav) and on input it must refuse.</summary>
public sealed class ForcedAlignerTests : IClassFixture<ForcedAlignerFixture>
{
    private readonly ForcedAlignerFixture _fixture;
    private readonly float[] _jfk = AudioFile.ReadMono16k(CaptionsPaths.FromEnvironment().JfkWavPath);

    public ForcedAlignerTests(ForcedAlignerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Align_JfkWithPunctuatedTranscript_OneDictionaryWordPerTranscriptWordInOrder()
    {
        IReadOnlyList<ReferenceWord> words = await _fixture.AlignAsync(
            _jfk, "And so, my fellow Americans: ask not what your country can do for you; ask what you can do for your country.");

        words.Select(w => w.Word).Should().Equal(DefaultAlignments.JfkTranscript.ToLowerInvariant().Split(' '));
        words.Should().OnlyContain(w => w.EndSeconds > w.StartSeconds && w.EndSeconds <= 11.0);
        for (int i = 1; i < words.Count; i++)
        {
            words[i].StartSeconds.Should().BeGreaterThanOrEqualTo(words[i - 1].EndSeconds, "words do not overlap");
        }

        // By ear and by energy (10 ms RMS): "ask not" is spoken 3.3-4.3 s, after a 1.2 s pause.
        words[5].Word.Should().Be("ask");
        words[5].StartSeconds.Should().BeInRange(3.1, 3.4);
        words[6].StartSeconds.Should().BeInRange(3.9, 4.1);
    }

    [Fact]
    public async Task Align_SameAudioTwice_IdenticalWords()
    {
        IReadOnlyList<ReferenceWord> first = await _fixture.AlignAsync(_jfk, DefaultAlignments.JfkTranscript);
        IReadOnlyList<ReferenceWord> second = await _fixture.AlignAsync(_jfk, DefaultAlignments.JfkTranscript);

        second.Should().Equal(first);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" -- ... ")]
    public async Task Align_TranscriptWithoutWords_ThrowsSayingThereAreNoWords(string transcript)
    {
        Func<Task> act = () => _fixture.AlignAsync(_jfk, transcript);

        (await act.Should().ThrowAsync<AlignmentException>()).WithMessage("*no words to align*");
    }

    [Fact]
    public async Task Align_WordNotInDictionary_ThrowsNamingTheWordAndItsPosition()
    {
        Func<Task> act = () => _fixture.AlignAsync(_jfk, "and so my fellow Zorblaxians ask not");

        AlignmentException ex = (await act.Should().ThrowAsync<AlignmentException>()).Which;
        ex.Word.Should().Be("Zorblaxians");
        ex.Message.Should().Contain("'Zorblaxians' (word 5)").And.Contain("dictionary lacks");
    }

    [Fact]
    public async Task Align_Digits_ThrowsAskingForNumbersSpelledOut()
    {
        Func<Task> act = () => _fixture.AlignAsync(_jfk, "in 1961 he said ask not");

        (await act.Should().ThrowAsync<AlignmentException>()).WithMessage("*'1961' (word 2) (spell numbers out as words)*");
    }

    [Fact]
    public async Task Align_EmptyAudio_ThrowsSayingThereIsNoAudio()
    {
        Func<Task> act = () => _fixture.AlignAsync([], DefaultAlignments.JfkTranscript);

        (await act.Should().ThrowAsync<AlignmentException>()).WithMessage("There is no audio*");
    }

    [Fact]
    public async Task Align_AudioMuchShorterThanTranscript_ThrowsSayingItDoesNotFit()
    {
        // One second cannot hold 22 words: each phone needs at least 3 frames (30 ms), the transcript has ~70.
        Func<Task> act = () => _fixture.AlignAsync(_jfk[..16_000], DefaultAlignments.JfkTranscript);

        (await act.Should().ThrowAsync<AlignmentException>()).WithMessage("The audio (1.00 s) does not fit the transcript*never reached the transcript's end*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.001)]
    [InlineData(0.01)]
    public async Task Align_SilenceAsLongAsTheSpeech_ThrowsSayingItDoesNotFit(double noiseAmplitude)
    {
        // Digital zero, room tone (-71 dBFS RMS) and loud hiss (-51 dBFS), as long as jfk.wav.
        var silence = new float[16_000 * 11];
        var random = new Random(3);
        for (int i = 0; i < silence.Length; i++)
        {
            silence[i] = (float)((random.NextDouble() - 0.5) * noiseAmplitude);
        }

        Func<Task> act = () => _fixture.AlignAsync(silence, DefaultAlignments.JfkTranscript);

        (await act.Should().ThrowAsync<AlignmentException>()).WithMessage("The audio (11.00 s) does not fit the transcript*");
    }

    [Fact]
    public async Task Align_AfterARefusedInput_AlignsTheNextInput()
    {
        Func<Task> act = () => _fixture.AlignAsync(_jfk[..16_000], DefaultAlignments.JfkTranscript);
        await act.Should().ThrowAsync<AlignmentException>();

        IReadOnlyList<ReferenceWord> words = await _fixture.AlignAsync(_jfk, DefaultAlignments.JfkTranscript);

        words.Should().HaveCount(22);
    }
}
