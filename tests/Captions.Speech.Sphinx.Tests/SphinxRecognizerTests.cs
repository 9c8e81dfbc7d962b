using Captions.Engine.Audio;
using Captions.Engine.Speech;
using Captions.Native.PocketSphinx;
using Captions.TestKit.Audio;
using Captions.TestKit.Diagnostics;

namespace Captions.Speech.Sphinx.Tests;

public sealed class SphinxRecognizerTests : IClassFixture<SphinxRecognizerFixture>
{
    private readonly SphinxRecognizer _recognizer;

    public SphinxRecognizerTests(SphinxRecognizerFixture fixture) => _recognizer = fixture.Recognizer;

    [Fact]
    public void Name_IsSphinx()
    {
        _recognizer.Name.Should().Be("sphinx");
    }

    [Fact]
    public void EndUtterance_TwoSecondsOfSilence_GivesEmptyTextAndNoWords()
    {
        RecognizerRun run = RecognizerRun.Feed(_recognizer, new float[2 * AudioFormat.SampleRate]);

        run.Partials.Should().BeEmpty();
        run.Final.Text.Should().BeEmpty();
        run.Final.Words.Should().BeEmpty();
        run.Final.IsFinal.Should().BeTrue();
        run.Final.End.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void EndUtterance_NoAudioAtAll_GivesEmptyText()
    {
        _recognizer.StartUtterance(TimeSpan.FromSeconds(3));

        SpeechHypothesis final = _recognizer.EndUtterance();

        final.Text.Should().BeEmpty();
        final.Start.Should().Be(TimeSpan.FromSeconds(3));
        final.End.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void AcceptAudio_SteadyStateWithUnchangedText_AllocatesNothing()
    {
        float[] chunk = TestSignal.Noise(AudioFormat.FrameSamples, seed: 7, amplitude: 0.0005);
        _recognizer.StartUtterance(TimeSpan.Zero);
        try
        {
            for (int i = 0; i < 100; i++)
            {
                _recognizer.AcceptAudio(chunk);
            }

            int partials = 0;
            long allocated = AllocationProbe.SteadyStateBytes(() => partials += _recognizer.AcceptAudio(chunk) is null ? 0 : 1, iterations: 200);

            // 200 chunks = 4 s of near-silence = 25 hypothesis queries, each compared as bytes without a string.
            partials.Should().Be(0);
            allocated.Should().Be(0);
        }
        finally
        {
            _recognizer.EndUtterance();
        }
    }

    [Fact]
    public void AcceptAudio_CancelledToken_ThrowsAndTheUtteranceCanStillEnd()
    {
        _recognizer.StartUtterance(TimeSpan.Zero);

        Action act = () => _recognizer.AcceptAudio(new float[AudioFormat.FrameSamples], new CancellationToken(canceled: true));

        act.Should().Throw<OperationCanceledException>();
        _recognizer.EndUtterance().IsFinal.Should().BeTrue();
    }

    [Fact]
    public void AcceptAudio_WithoutStartUtterance_Throws()
    {
        Action act = () => _recognizer.AcceptAudio(new float[AudioFormat.FrameSamples]);

        act.Should().Throw<InvalidOperationException>().WithMessage("*StartUtterance*");
    }

    [Fact]
    public void Constructor_MissingModelDirectory_ThrowsNamingPathAndHowToInstall()
    {
        string root = Path.Combine(Path.GetTempPath(), "captions-no-such-model-" + Guid.NewGuid().ToString("N"));

        Action act = () => new SphinxRecognizer(new SphinxRecognizerOptions { ModelRoot = root }).Dispose();

        PocketSphinxException error = act.Should().Throw<PocketSphinxException>().Which;
        string expected = Path.Combine(root, "en-us");
        error.ModelPath.Should().Be(expected);
        error.Message.Should().Contain(expected).And.Contain("pocketsphinx-en-us").And.Contain("./scripts/bootstrap.sh");
    }

    [Fact]
    public void Constructor_MissingLanguageModel_ThrowsNamingIt()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such.lm.bin");

        Action act = () => new SphinxRecognizer(new SphinxRecognizerOptions { LanguageModelPath = missing }).Dispose();

        act.Should().Throw<PocketSphinxException>()
            .Where(e => e.ModelPath == missing && e.Message.Contains(missing, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0f, 0)]
    [InlineData(0.5f, 16384)]
    [InlineData(-1f, -32768)]
    [InlineData(1f, 32767)]
    [InlineData(1.5f, 32767)]
    [InlineData(-3f, -32768)]
    [InlineData(1f / 32768, 1)]
    public void ToPcm16_Sample_ScalesRoundsAndClips(float sample, short expected)
    {
        var pcm = new short[1];

        SphinxRecognizer.ToPcm16([sample], pcm);

        pcm[0].Should().Be(expected);
    }

    [Theory]
    [InlineData("<s>", true)]
    [InlineData("</s>", true)]
    [InlineData("<sil>", true)]
    [InlineData("[NOISE]", true)]
    [InlineData("[SPEECH]", true)]
    [InlineData("++BREATH++", true)]
    [InlineData("amiable", false)]
    [InlineData("i'm(2)", false)]
    public void IsFiller_PocketSphinxWord_RecognisesNoiseDictEntries(string word, bool filler)
    {
        SphinxRecognizer.IsFiller(word).Should().Be(filler);
    }

    [Theory]
    [InlineData("a(2)", "a")]
    [InlineData("i'm(2)", "i'm")]
    [InlineData("read(12)", "read")]
    [InlineData("himself", "himself")]
    public void BaseWord_AlternatePronunciation_StripsSuffix(string word, string expected)
    {
        SphinxRecognizer.BaseWord(word).Should().Be(expected);
    }
}
