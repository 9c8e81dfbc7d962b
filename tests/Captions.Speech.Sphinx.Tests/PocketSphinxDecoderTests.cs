using Captions.Engine.Metrics;
using Captions.Native.PocketSphinx;
using Microsoft.Extensions.Logging;

namespace Captions.Speech.Sphinx.Tests;

/// <summary>The binding on its own, against Debian's libpocketsphinx.so.3 and the en-us model.</summary>
public sealed class PocketSphinxDecoderTests
{
    private const string ModelRoot = SphinxRecognizerOptions.DefaultModelRoot;

    [Fact]
    public void TryLoad_DebianLibrary_DescribesSonamePathAndApi()
    {
        bool loaded = PocketSphinxLibrary.TryLoad(out string? description, out string? error);

        loaded.Should().BeTrue($"libpocketsphinx3 should load (run ./scripts/bootstrap.sh): {error}");
        error.Should().BeNull();
        description.Should().Contain("libpocketsphinx.so.3").And.Contain("/libpocketsphinx.so.3").And.Contain("5prealpha").And.Contain("ILogger");
    }

    [Fact]
    public void Create_WithLogger_RoutesNativeLogToIt()
    {
        var logger = new ListLogger<PocketSphinxDecoderTests>();

        using PocketSphinxDecoder decoder = PocketSphinxDecoder.Create(EnUs(), logger);

        // ps_init logs ~100 INFO lines (model sizes, dictionary, LM); they arrive as Debug entries naming their source file.
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Debug && e.Message.Contains("INFO: ", StringComparison.Ordinal) && e.Message.Contains(".c(", StringComparison.Ordinal));
        logger.Entries.Should().Contain(e => e.Message.Contains("cmudict-en-us.dict", StringComparison.Ordinal));
        logger.Entries.Should().NotContain(e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public void Create_UnknownArgument_ThrowsWithNativeReason()
    {
        PocketSphinxOptions options = EnUs(extra: [new("-no-such-option", "1")]);

        Action act = () => PocketSphinxDecoder.Create(options).Dispose();

        act.Should().Throw<PocketSphinxException>().WithMessage("*-no-such-option*").WithMessage("*cmd_ln.c*");
    }

    [Fact]
    public void Create_LanguageModelThatIsNotOne_ThrowsNamingTheFile()
    {
        string bogus = Path.Combine(Path.GetTempPath(), $"captions-bogus-{Guid.NewGuid():N}.lm.bin");
        File.WriteAllText(bogus, "this is not a language model\n");
        try
        {
            Action act = () => PocketSphinxDecoder.Create(EnUs(languageModel: bogus)).Dispose();

            PocketSphinxException error = act.Should().Throw<PocketSphinxException>().Which;
            error.ModelPath.Should().Be(bogus);
            error.Message.Should().Contain(bogus).And.Contain("ngram_model");
        }
        finally
        {
            File.Delete(bogus);
        }
    }

    [Fact]
    public void Create_AcousticModelDirectoryWithoutMdef_ThrowsNamingMdef()
    {
        string directory = Directory.CreateTempSubdirectory("captions-hmm-").FullName;
        try
        {
            Action actEmpty = () => PocketSphinxDecoder.Create(new PocketSphinxOptions
            {
                AcousticModelDirectory = directory,
                DictionaryPath = Path.Combine(ModelRoot, "cmudict-en-us.dict"),
            }).Dispose();

            actEmpty.Should().Throw<PocketSphinxException>()
                .Where(e => e.ModelPath == Path.Combine(directory, "mdef") && e.Message.Contains(directory, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void Decoder_OutOfOrderCalls_ThrowInvalidOperation()
    {
        using PocketSphinxDecoder decoder = PocketSphinxDecoder.Create(EnUs());

        decoder.Invoking(d => d.ProcessRaw(new short[320])).Should().Throw<InvalidOperationException>();
        decoder.Invoking(d => d.EndUtterance()).Should().Throw<InvalidOperationException>();
        decoder.StartUtterance();
        decoder.Invoking(d => d.StartUtterance()).Should().Throw<InvalidOperationException>();
        decoder.EndUtterance();
        decoder.InUtterance.Should().BeFalse();
    }

    [Fact]
    public void Decoder_Disposed_ThrowsObjectDisposed()
    {
        PocketSphinxDecoder decoder = PocketSphinxDecoder.Create(EnUs());
        decoder.Dispose();
        decoder.Dispose();

        decoder.Invoking(d => d.StartUtterance()).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void GetSegments_RealClip_HasFillersAndInclusiveOrderedFrames()
    {
        using PocketSphinxDecoder decoder = PocketSphinxDecoder.Create(EnUs(extra: [new("-bestpath", "yes")]));
        float[] samples = ReferenceCorpus.Load().Single(c => c.Id.EndsWith("0930", StringComparison.Ordinal)).ReadMono16k();
        var pcm = new short[samples.Length];
        SphinxRecognizer.ToPcm16(samples, pcm);

        decoder.StartUtterance();
        decoder.ProcessRaw(pcm);
        decoder.EndUtterance();
        IReadOnlyList<PocketSphinxSegment> segments = decoder.GetSegments();

        // 3.29 s = 329 frames at 100 frames/s. pocketsphinx brackets the utterance with <s> ... </s>.
        segments[0].Word.Should().Be("<s>");
        segments[^1].Word.Should().Be("</s>");
        segments[0].StartFrame.Should().Be(0);
        segments[^1].EndFrame.Should().BeInRange(300, 329);
        for (int i = 1; i < segments.Count; i++)
        {
            segments[i].StartFrame.Should().Be(segments[i - 1].EndFrame + 1, "segments tile the utterance with inclusive end frames");
        }

        segments.Should().OnlyContain(s => s.Probability >= 0 && s.Probability <= 1);
        segments.Should().Contain(s => s.Probability < 1, "-bestpath yes gives posteriors");
        decoder.GetHypothesis().Should().StartWith("he might even have been made");
    }

    private static PocketSphinxOptions EnUs(string? languageModel = null, IReadOnlyList<KeyValuePair<string, string>>? extra = null) => new()
    {
        AcousticModelDirectory = Path.Combine(ModelRoot, "en-us"),
        DictionaryPath = Path.Combine(ModelRoot, "cmudict-en-us.dict"),
        LanguageModelPath = languageModel ?? Path.Combine(ModelRoot, "en-us.lm.bin"),
        ExtraArguments = extra ?? [],
    };
}
