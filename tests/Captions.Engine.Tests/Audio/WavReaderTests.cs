using Captions.Engine.Audio;
using Captions.TestKit.Audio;
using Captions.TestKit.Diagnostics;

namespace Captions.Engine.Tests.Audio;

public sealed class WavReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(WavSampleFormat.Pcm8, false)]
    [InlineData(WavSampleFormat.Pcm16, false)]
    [InlineData(WavSampleFormat.Pcm24, false)]
    [InlineData(WavSampleFormat.Pcm32, false)]
    [InlineData(WavSampleFormat.Float32, false)]
    [InlineData(WavSampleFormat.Pcm8, true)]
    [InlineData(WavSampleFormat.Pcm16, true)]
    [InlineData(WavSampleFormat.Pcm24, true)]
    [InlineData(WavSampleFormat.Pcm32, true)]
    [InlineData(WavSampleFormat.Float32, true)]
    public void Read_EachFormat_ReturnsSineWithinQuantisationError(WavSampleFormat format, bool extensible)
    {
        float[] sine = TestSignal.Sine(440, 22_050, 5_000, amplitude: 0.9);
        string path = WavFixture.Write(_temp.File("sine.wav"), sine, 22_050, 1, format, new WavFixtureOptions { Extensible = extensible });

        using WavReader reader = WavReader.Open(path);
        float[] read = WavTestHelpers.ReadAll(reader, chunkFrames: 777);

        reader.Info.Should().Be(new WavInfo(22_050, 1, WavFixture.BitsOf(format),
            format == WavSampleFormat.Float32 ? WavEncoding.IeeeFloat : WavEncoding.Pcm, 5_000));
        read.Should().HaveCount(5_000);
        WavTestHelpers.MaxAbsDifference(read, sine).Should().BeLessThanOrEqualTo(WavFixture.QuantisationError(format));
    }

    [Fact]
    public void Read_FullScaleSamples_StayWithinMinusOneToOne()
    {
        float[] extremes = [-1f, 1f, -1f, 1f];
        byte[] pcm8 = WavFixture.Build(extremes, 8_000, 1, WavSampleFormat.Pcm8);
        byte[] pcm16 = WavFixture.Build(extremes, 8_000, 1, WavSampleFormat.Pcm16);
        byte[] float32 = WavFixture.Build([-3f, 3f, float.NaN, 0.5f], 8_000, 1, WavSampleFormat.Float32);

        float[] read8 = WavTestHelpers.ReadAll(WavReader.Open(new MemoryStream(pcm8), "pcm8"));
        float[] read16 = WavTestHelpers.ReadAll(WavReader.Open(new MemoryStream(pcm16), "pcm16"));
        float[] readFloat = WavTestHelpers.ReadAll(WavReader.Open(new MemoryStream(float32), "float"));

        read8.Should().Equal(-1f, 127f / 128, -1f, 127f / 128);
        read16.Should().Equal(-1f, 32767f / 32768, -1f, 32767f / 32768);
        readFloat.Should().Equal(-1f, 1f, 0f, 0.5f);
    }

    [Fact]
    public void Read_SixChannels_KeepsInterleavingAndReportsFormat()
    {
        float[] signal = TestSignal.Sine(1000, 48_000, 4_800, amplitude: 0.5, channels: 6);
        byte[] bytes = WavFixture.Build(signal, 48_000, 6, WavSampleFormat.Pcm24, new WavFixtureOptions { Extensible = true });

        using WavReader reader = WavReader.Open(new MemoryStream(bytes), "surround.wav");
        float[] read = WavTestHelpers.ReadAll(reader, chunkFrames: 333);

        reader.Info.Should().Be(new WavInfo(48_000, 6, 24, WavEncoding.Pcm, 4_800));
        reader.Info.Duration.Should().Be(TimeSpan.FromMilliseconds(100));
        WavTestHelpers.MaxAbsDifference(read, signal).Should().BeLessThanOrEqualTo(WavFixture.QuantisationError(WavSampleFormat.Pcm24));
    }

    [Fact]
    public void Read_ExtensibleWithFewerValidBits_ReadsContainerScale()
    {
        // 20 valid bits left-justified in a 24-bit container (common for pro interfaces): same scale as 24-bit.
        float[] sine = TestSignal.Sine(440, 16_000, 1_600);
        byte[] bytes = WavFixture.Build(sine, 16_000, 1, WavSampleFormat.Pcm24, new WavFixtureOptions { Extensible = true, ValidBits = 20 });

        using WavReader reader = WavReader.Open(new MemoryStream(bytes), "20bit.wav");

        WavTestHelpers.MaxAbsDifference(WavTestHelpers.ReadAll(reader), sine).Should().BeLessThan(1e-6f);
    }

    [Fact]
    public void Read_ExtraChunksWithOddSizes_SkipsThemAndReadsOnlyAudio()
    {
        float[] sine = TestSignal.Sine(440, 16_000, 3_000);
        var options = new WavFixtureOptions
        {
            ChunksBeforeFmt = [WavChunk.Filler("JUNK", 13)],
            ChunksBeforeData = [WavChunk.Filler("LIST", 27), WavChunk.Filler("fact", 4), WavChunk.Filler("bext", 1)],
            ChunksAfterData = [WavChunk.Filler("LIST", 9)],
        };
        byte[] bytes = WavFixture.Build(sine, 16_000, 1, WavSampleFormat.Pcm16, options);

        using WavReader seekable = WavReader.Open(new MemoryStream(bytes), "chunks.wav");
        using WavReader pipe = WavReader.Open(new TrickleStream(bytes, maxRead: 5), "chunks.wav");

        seekable.Info.FrameCount.Should().Be(3_000);
        WavTestHelpers.ReadAll(seekable).Should().Equal(WavTestHelpers.ReadAll(pipe)).And.HaveCount(3_000);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Read_NonSeekableShortReads_MatchesWholeFile(int maxRead)
    {
        float[] signal = TestSignal.Noise(2 * 2_000, seed: 3);
        byte[] bytes = WavFixture.Build(signal, 44_100, 2, WavSampleFormat.Pcm24);

        using WavReader reader = WavReader.Open(new TrickleStream(bytes, maxRead), "stdin");
        float[] read = WavTestHelpers.ReadAll(reader, chunkFrames: 500);

        read.Should().HaveCount(signal.Length);
        WavTestHelpers.MaxAbsDifference(read, signal).Should().BeLessThanOrEqualTo(WavFixture.QuantisationError(WavSampleFormat.Pcm24));
    }

    [Fact]
    public void Open_StreamedDataSize_ReadsToEndAndCountsFramesWhenSeekable()
    {
        float[] sine = TestSignal.Sine(440, 16_000, 2_000);
        byte[] bytes = WavFixture.Build(sine, 16_000, 1, WavSampleFormat.Pcm16, new WavFixtureOptions { DataSizeOverride = 0xFFFF_FFFF });

        using WavReader seekable = WavReader.Open(new MemoryStream(bytes), "ffmpeg-pipe.wav");
        using WavReader pipe = WavReader.Open(new TrickleStream(bytes, 100), "ffmpeg-pipe.wav");

        seekable.Info.FrameCount.Should().Be(2_000);
        pipe.Info.FrameCount.Should().BeNull();
        pipe.Info.Duration.Should().BeNull();
        WavTestHelpers.ReadAll(seekable).Should().HaveCount(2_000);
        WavTestHelpers.ReadAll(pipe).Should().HaveCount(2_000);
    }

    [Fact]
    public void Read_DataSizeWithPartialFrame_DropsThePartialFrame()
    {
        float[] stereo = TestSignal.Sine(440, 16_000, 100, channels: 2);
        byte[] bytes = WavFixture.Build(stereo, 16_000, 2, WavSampleFormat.Pcm16, new WavFixtureOptions { DataSizeOverride = 398 });

        using WavReader reader = WavReader.Open(new MemoryStream(bytes), "odd.wav");

        reader.Info.FrameCount.Should().Be(99);
        WavTestHelpers.ReadAll(reader).Should().HaveCount(198);
    }

    [Fact]
    public void Read_AfterFirstCall_AllocatesNothing()
    {
        float[] signal = TestSignal.Noise(48_000 * 2 * 2, seed: 5);
        byte[] bytes = WavFixture.Build(signal, 48_000, 2, WavSampleFormat.Pcm16);
        using WavReader reader = WavReader.Open(new MemoryStream(bytes), "alloc.wav");
        var chunk = new float[960 * 2];
        int frames = 0;

        long allocated = AllocationProbe.SteadyStateBytes(() => frames += reader.Read(chunk), iterations: 30);

        frames.Should().BeGreaterThanOrEqualTo(31 * 960, "every measured call must really decode audio");
        allocated.Should().Be(0);
    }

    [Fact]
    public void Read_RealLibriVoxRecording_DecodesSpeech()
    {
        const string folder = "/usr/share/pocketsphinx/test/data/librivox";
        Assert.True(Directory.Exists(folder), $"{folder} is missing (Debian pocketsphinx-testdata): run ./scripts/bootstrap.sh");
        string path = Path.Combine(folder, "sense_and_sensibility_01_austen_64kb-0870.wav");

        using WavReader reader = WavReader.Open(path);
        float[] samples = WavTestHelpers.ReadAll(reader, chunkFrames: 320);

        // 227,244 bytes - 44 header = 113,600 s16 samples = 7.1 s at 16 kHz.
        reader.Info.Should().Be(new WavInfo(16_000, 1, 16, WavEncoding.Pcm, 113_600));
        reader.Info.Duration.Should().Be(TimeSpan.FromSeconds(7.1));
        samples.Should().HaveCount(113_600);
        double rms = Math.Sqrt(samples.Select(s => (double)s * s).Average());
        rms.Should().BeInRange(0.005, 0.5, "speech is neither silence nor clipped noise");
    }
}
