using Captions.TestKit.Vision;
using Captions.Vision.Imaging;
using Xunit.Abstractions;

namespace Captions.Vision.Tests.Imaging;

public sealed class ImageDecoderTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();
    private readonly ITestOutputHelper _output;

    public ImageDecoderTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _scratch.Dispose();

    public static TheoryData<string> OpenCvPhotos => new()
    {
        "scenetext01.jpg", "scenetext02.jpg", "scenetext03.jpg", "scenetext04.jpg", "scenetext05.jpg", "scenetext06.jpg",
        "scenetext_word01.jpg", "scenetext_word02.jpg", "scenetext_word03.jpg", "scenetext_word04.jpg",
    };

    [Theory]
    [MemberData(nameof(OpenCvPhotos))]
    public void Decode_OpenCvPhoto_MatchesFfmpegWithinJpegDecoderTolerance(string name)
    {
        string path = TestImages.OpenCvPhoto(name);
        ImageFrame expected = TestImages.DecodeWithFfmpeg(path);

        ImageFrame frame = ImageDecoder.Decode(path);

        frame.Width.Should().Be(expected.Width);
        frame.Height.Should().Be(expected.Height);
        frame.Origin.Should().Be(name);
        (double mean, int max) = Difference(frame, expected);
        _output.WriteLine($"{name} {frame.Width}x{frame.Height}: mean abs difference {mean:F3}, max {max}");
        // Measured 0.03-1.44 (scenetext01): libjpeg-turbo in leptonica and ffmpeg's own decoder differ in chroma upsampling
        // and IDCT rounding. Wrong channel order or a wrong pixel would give tens.
        mean.Should().BeLessThan(2.5);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("bmp")]
    [InlineData("tiff")]
    [InlineData("webp")]
    [InlineData("gif")]
    public void Decode_FormatFromFfmpeg_MatchesFfmpegsOwnDecode(string extension)
    {
        // RGB TIFF (ffmpeg would pick YCbCr) and lossless WebP: ffmpeg's own WebP and YCbCr decoding upsample
        // chroma differently from libwebp/libtiff (measured max 107 on lossy WebP colour edges).
        string path = _scratch.File("bars." + extension);
        string[] options = extension switch
        {
            "tiff" => ["-pix_fmt", "rgb24"],
            "webp" => ["-lossless", "1"],
            _ => [],
        };
        FfmpegTool.Run([.. new[] { "-f", "lavfi", "-i", "testsrc2=size=96x64", "-frames:v", "1" }, .. options, path]);
        ImageFrame expected = TestImages.DecodeWithFfmpeg(path);

        ImageFrame frame = ImageDecoder.Decode(path);

        frame.Width.Should().Be(96);
        frame.Height.Should().Be(64);
        (double mean, int max) = Difference(frame, expected);
        _output.WriteLine($"{extension}: mean {mean:F3} max {max}");

        // Lossless formats match byte for byte: this pins the 0xRRGGBBAA word order.
        max.Should().Be(0);
    }

    [Fact]
    public void Decode_MemoryBuffer_SameAsFile()
    {
        string path = TestImages.OpenCvPhoto("scenetext06.jpg");

        ImageFrame fromFile = ImageDecoder.Decode(path);
        ImageFrame fromMemory = ImageDecoder.Decode(File.ReadAllBytes(path), "scenetext06.jpg");

        fromMemory.Width.Should().Be(fromFile.Width);
        fromMemory.Height.Should().Be(fromFile.Height);
        fromMemory.Pixels.Should().Equal(fromFile.Pixels);
    }

    [Fact]
    public void Decode_LargerThanMaxSide_ScaledToFitKeepingAspect()
    {
        string path = TestImages.OpenCvPhoto("scenetext02.jpg"); // 1280x960

        ImageFrame frame = ImageDecoder.Decode(path, maxSide: 200);

        frame.Width.Should().Be(200);
        frame.Height.Should().Be(150);
        ImageFrame reference = ImageScaler.ScaleToFit(TestImages.DecodeWithFfmpeg(path), 200);
        (double mean, _) = Difference(frame, reference);
        _output.WriteLine($"leptonica reduce+scale vs managed area scale of ffmpeg decode: mean {mean:F3}");

        // Measured 1.6: JPEG reduction by 4 in the IDCT then leptonica's area map vs a plain area average.
        mean.Should().BeLessThan(4);
    }

    [Fact]
    public void Decode_MissingFile_ThrowsNamingTheFile()
    {
        string path = _scratch.File("nowhere.jpg");

        Action act = () => ImageDecoder.Decode(path);

        act.Should().Throw<ImageDecodeException>().WithMessage($"*{path}*not found*");
    }

    [Fact]
    public void Decode_Directory_ThrowsSayingItIsADirectory()
    {
        Action act = () => ImageDecoder.Decode(_scratch.Path);

        act.Should().Throw<ImageDecodeException>().WithMessage($"*{_scratch.Path}*directory*");
    }

    [Fact]
    public void Decode_EmptyFile_ThrowsSayingEmpty()
    {
        string path = _scratch.File("empty.jpg");
        File.WriteAllBytes(path, []);

        Action act = () => ImageDecoder.Decode(path);

        act.Should().Throw<ImageDecodeException>().WithMessage($"*{path}*empty (0 bytes)*");
    }

    [Fact]
    public void Decode_TextFileNamedJpg_ThrowsUnsupportedFormat()
    {
        string path = _scratch.File("notes.jpg");
        File.WriteAllText(path, "Menu of the day\nsoup 4.50\n");

        Action act = () => ImageDecoder.Decode(path);

        act.Should().Throw<ImageDecodeException>().WithMessage($"*{path}*unsupported format*looks like text*Menu of the day*");
    }

    [Fact]
    public void Decode_BinaryGarbage_ThrowsUnsupportedFormatWithSignature()
    {
        byte[] garbage = [0x00, 0x01, 0x02, 0x03, 0xFE, 0x10, 0x20, 0x30, 0x40, 0x50];

        Action act = () => ImageDecoder.Decode(garbage, "blob.png");

        act.Should().Throw<ImageDecodeException>().WithMessage("*blob.png*unsupported format*00010203FE102030*");
    }

    [Theory]
    [InlineData(30_000)]
    [InlineData(2_000)]
    [InlineData(400)]
    public void Decode_TruncatedJpeg_ThrowsCorruptOrTruncated(int keepBytes)
    {
        string path = _scratch.File("cut.jpg");
        File.WriteAllBytes(path, File.ReadAllBytes(TestImages.OpenCvPhoto("scenetext01.jpg"))[..keepBytes]);

        Action act = () => ImageDecoder.Decode(path);

        act.Should().Throw<ImageDecodeException>().WithMessage($"*{path}*corrupt or truncated JPEG*");
    }

    [Fact]
    public void Decode_JpegWithScrambledEntropyData_ThrowsCorrupt()
    {
        byte[] bytes = File.ReadAllBytes(TestImages.OpenCvPhoto("scenetext05.jpg"));
        var random = new Random(7);
        for (int i = bytes.Length / 2; i < bytes.Length - 2; i += 97)
        {
            bytes[i] = (byte)random.Next(256);
        }

        Action act = () => ImageDecoder.Decode(bytes, "scrambled.jpg");

        act.Should().Throw<ImageDecodeException>().WithMessage("*scrambled.jpg*corrupt or truncated JPEG*");
    }

    [Fact]
    public void Decode_TruncatedPng_ThrowsCorruptOrTruncated()
    {
        string png = FfmpegTool.TestPicture(_scratch.File("bars.png"), 320, 240);
        byte[] bytes = File.ReadAllBytes(png);
        string path = _scratch.File("cut.png");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Action act = () => ImageDecoder.Decode(path);

        act.Should().Throw<ImageDecodeException>().WithMessage($"*{path}*corrupt or truncated PNG*");
    }

    [Fact]
    public void Decode_ZeroByZeroPngHeader_ThrowsNamingTheSize()
    {
        string path = SyntheticPng.WriteHeaderOnly(_scratch.File("zero.png"), 0, 0);

        Action act = () => ImageDecoder.Decode(path);

        act.Should().Throw<ImageDecodeException>().WithMessage($"image {path}: the PNG header says the image is 0x0; there are no pixels to decode");
    }

    [Fact]
    public void Decode_ZeroByZeroJpegHeader_ThrowsCorruptHeader()
    {
        string path = SyntheticJpeg.WriteUniformGray(_scratch.File("zero.jpg"), 0, 0);

        Action act = () => ImageDecoder.Decode(path);

        // libjpeg refuses it while reading the header ("Empty JPEG image"), so leptonica gives no size to quote.
        act.Should().Throw<ImageDecodeException>().WithMessage($"image {path}: corrupt or truncated JPEG header*");
    }

    [Fact]
    public void Decode_HugePngHeader_RefusedBeforeDecoding()
    {
        string path = SyntheticPng.WriteHeaderOnly(_scratch.File("huge.png"), 20_000, 20_000);

        Action act = () => ImageDecoder.Decode(path);

        act.Should().Throw<ImageDecodeException>().WithMessage($"*{path}*20000x20000 (400 Mpixel)*64 Mpixel decode limit*");
    }

    [Fact]
    public void Decode_20000x20000Jpeg_ReducedWhileDecodingWithBoundedMemory()
    {
        string path = SyntheticJpeg.WriteUniformGray(_scratch.File("huge.jpg"), 20_000, 20_000);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        long peakBefore = process.PeakWorkingSet64;
        long before = process.WorkingSet64;

        ImageFrame frame = ImageDecoder.Decode(path, maxSide: 2048);

        process.Refresh();
        long growth = Math.Max(process.PeakWorkingSet64 - peakBefore, process.WorkingSet64 - before);
        _output.WriteLine($"peak working set growth {growth / 1_000_000} MB (full decode would be 1600 MB at 32 bpp)");
        frame.Width.Should().Be(2048);
        frame.Height.Should().Be(2048);
        frame.Pixels.Should().OnlyContain(b => b == 128);

        // Reduced by 8 in the IDCT: a 2500x2500 pix (25 MB) plus the scaled copy and the RGB frame.
        growth.Should().BeLessThan(600_000_000);
    }

    private static (double Mean, int Max) Difference(ImageFrame a, ImageFrame b)
    {
        long sum = 0;
        int max = 0;
        for (int y = 0; y < a.Height; y++)
        {
            ReadOnlySpan<byte> ra = a.Row(y);
            ReadOnlySpan<byte> rb = b.Row(y);
            for (int i = 0; i < ra.Length; i++)
            {
                int d = Math.Abs(ra[i] - rb[i]);
                sum += d;
                max = Math.Max(max, d);
            }
        }

        return ((double)sum / (a.Width * a.Height * 3), max);
    }
}
