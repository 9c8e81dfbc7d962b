using System.Text;
using Captions.Engine.Audio;
using Captions.TestKit.Audio;

namespace Captions.Engine.Tests.Audio;

public sealed class WavReaderErrorTests : IDisposable
{
    private static readonly float[] s_sine = TestSignal.Sine(440, 16_000, 1_000);

    private readonly TempDirectory _temp = new();

    public static TheoryData<string, string> BadFiles => new()
    {
        { "empty", "is empty (0 bytes)" },
        { "text", "not a WAV file (no RIFF header)" },
        { "avi", "not a WAV file (RIFF form type is not WAVE)" },
        { "rf64", "RF64 (64-bit WAV) is not supported" },
        { "header-cut-at-8", "truncated header" },
        { "header-cut-in-fmt", "truncated header: file ends inside the fmt chunk" },
        { "header-cut-in-chunk-header", "truncated header: file ends inside a chunk header" },
        { "no-fmt", "missing fmt chunk" },
        { "data-before-fmt", "missing fmt chunk before the data chunk" },
        { "no-data", "missing data chunk" },
        { "alaw", "A-law is not supported; convert with: ffmpeg -i" },
        { "mulaw", "mu-law is not supported; convert with: ffmpeg -i" },
        { "adpcm", "ADPCM is not supported; convert with: ffmpeg -i" },
        { "extensible-adpcm", "ADPCM is not supported" },
        { "float64", "64-bit float is not supported; convert with: ffmpeg -i" },
        { "valid-bits-too-many", "valid bits per sample (32) exceed the container size (24)" },
        { "lying-block-align", "block align is 3" },
        { "zero-data", "contains no audio" },
        { "streamed-empty", "contains no audio" },
        { "data-too-long", "truncated: header claims 10000 bytes of audio, file holds 2000" },
    };

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Open_BadFile_ThrowsAudioFormatExceptionNamingFileAndProblem(string name, string problem)
    {
        string path = _temp.File(name + ".wav");
        File.WriteAllBytes(path, Build(name));

        Action open = () => WavReader.Open(path).Dispose();

        AudioFormatException error = open.Should().Throw<AudioFormatException>().Which;
        error.Message.Should().StartWith(path + ": ").And.Contain(problem);
    }

    [Fact]
    public void Open_Float64_SuggestsAnFfmpegCommandForThisFile()
    {
        string path = _temp.File("studio.wav");
        File.WriteAllBytes(path, Build("float64"));

        Action open = () => WavReader.Open(path).Dispose();

        open.Should().Throw<AudioFormatException>()
            .WithMessage($"{path}: 64-bit float is not supported; convert with: ffmpeg -i \"{path}\" -c:a pcm_s16le \"studio-s16.wav\"");
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFoundNamingThePath()
    {
        string path = _temp.File("nowhere/absent.wav");

        Action open = () => WavReader.Open(path);

        open.Should().Throw<FileNotFoundException>().WithMessage($"Audio file not found: {path}").Which.FileName.Should().Be(path);
    }

    [Fact]
    public void Open_StreamWithBadHeader_NamesTheDisplayNameAndDisposesTheStream()
    {
        var stream = new MemoryStream(Build("alaw"));

        Action open = () => WavReader.Open(stream, "stdin");

        open.Should().Throw<AudioFormatException>().WithMessage("stdin: A-law is not supported*");
        stream.CanRead.Should().BeFalse("a reader that failed to open must not leak the stream it owns");
    }

    [Fact]
    public void Read_TruncatedPipe_DeliversWhatArrivedThenThrows()
    {
        // On a pipe the length cannot be checked at Open; the shortfall surfaces once the audio runs out.
        byte[] bytes = Build("data-too-long");
        using WavReader reader = WavReader.Open(new TrickleStream(bytes, 512), "stdin");
        var chunk = new float[4_000];
        int frames = 0;
        int n;

        Action drain = () =>
        {
            while ((n = reader.Read(chunk)) > 0)
            {
                frames += n;
            }
        };

        drain.Should().Throw<AudioFormatException>().WithMessage("stdin: truncated: header claims 10000 bytes of audio, file holds 2000");
        frames.Should().Be(1_000);
    }

    private static byte[] Build(string name)
    {
        byte[] Wav(WavSampleFormat format, WavFixtureOptions? options = null) => WavFixture.Build(s_sine, 16_000, 1, format, options);

        return name switch
        {
            "empty" => [],
            "text" => Encoding.ASCII.GetBytes("this is a text file, not audio at all"),
            "avi" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { WaveId = "AVI " }),
            "rf64" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { RiffId = "RF64" }),
            "header-cut-at-8" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { TruncateTo = 8 }),
            "header-cut-in-fmt" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { TruncateTo = 30 }),
            "header-cut-in-chunk-header" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { TruncateTo = 39 }),
            "no-fmt" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { OmitFmt = true, OmitData = true, ChunksBeforeData = [WavChunk.Filler("LIST", 8)] }),
            "data-before-fmt" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { DataBeforeFmt = true }),
            "no-data" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { OmitData = true, ChunksAfterData = [WavChunk.Filler("LIST", 5)] }),
            "alaw" => Wav(WavSampleFormat.ALaw),
            "mulaw" => Wav(WavSampleFormat.MuLaw),
            "adpcm" => Wav(WavSampleFormat.Adpcm),
            "extensible-adpcm" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { Extensible = true, SubFormatTag = 0x0002 }),
            "float64" => Wav(WavSampleFormat.Float64),
            "valid-bits-too-many" => Wav(WavSampleFormat.Pcm24, new WavFixtureOptions { Extensible = true, ValidBits = 32 }),
            "lying-block-align" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { BlockAlignOverride = 3 }),
            "zero-data" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { DataSizeOverride = 0 }),
            "streamed-empty" => WavFixture.Build([], 16_000, 1, WavSampleFormat.Pcm16, new WavFixtureOptions { DataSizeOverride = 0xFFFF_FFFF }),
            "data-too-long" => Wav(WavSampleFormat.Pcm16, new WavFixtureOptions { DataSizeOverride = 10_000 }),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such bad file"),
        };
    }
}
