using Captions.Native.Leptonica;
using Captions.TestKit.Vision;

namespace Captions.Vision.Tests.Imaging;

/// <summary>The thin leptonica binding on its own (Debian liblept5), under the decoder.</summary>
public sealed class LeptonicaBindingTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void TryLoad_DebianLiblept5_LoadsAndReportsVersion()
    {
        LeptonicaNativeLibrary.TryLoad(out string? error).Should().BeTrue(error);

        LeptonicaNativeLibrary.Version.Should().StartWith("leptonica-1.");
    }

    [Fact]
    public void ReadHeader_Jpeg_GivesSizeWithoutDecoding()
    {
        PixHeader header = Pix.ReadHeader(TestImages.OpenCvPhoto("scenetext02.jpg"));

        header.Should().Be(new PixHeader(ImageFileFormat.Jpeg, 1280, 960, 8, 3, false));
        header.PixelCount.Should().Be(1280 * 960);
    }

    [Fact]
    public void ReadHeader_MemoryAndFile_Agree()
    {
        string path = TestImages.OpenCvPhoto("scenetext06.jpg");

        Pix.ReadHeader(File.ReadAllBytes(path), "scenetext06.jpg").Should().Be(Pix.ReadHeader(path));
    }

    [Theory]
    [InlineData(1, 1280, 960)]
    [InlineData(2, 640, 480)]
    [InlineData(4, 320, 240)]
    [InlineData(8, 160, 120)]
    public void ReadJpeg_Reduction_DecodesAtTheReducedSize(int reduction, int width, int height)
    {
        using Pix pix = Pix.ReadJpeg(TestImages.OpenCvPhoto("scenetext05.jpg"), reduction);

        pix.Width.Should().Be(width);
        pix.Height.Should().Be(height);
        pix.Depth.Should().Be(32);
    }

    [Fact]
    public void ReadJpeg_ReductionOfThree_Rejected()
    {
        Action act = () => Pix.ReadJpeg(TestImages.OpenCvPhoto("scenetext05.jpg"), 3);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void FindFormat_Signatures_Recognised()
    {
        string png = FfmpegTool.TestPicture(_scratch.File("a.png"), 16, 16);
        string webp = FfmpegTool.TestPicture(_scratch.File("a.webp"), 16, 16);

        Pix.FindFormat(png).Should().Be(ImageFileFormat.Png);
        Pix.FindFormat(File.ReadAllBytes(webp)).Should().Be(ImageFileFormat.WebP);
        Pix.FindFormat("hello, world"u8).Should().Be(ImageFileFormat.Unknown);
        Pix.FindFormat([]).Should().Be(ImageFileFormat.Unknown);
    }

    [Fact]
    public void CopyRgbTo_GrayPix_RequiresConversionFirst()
    {
        string gray = _scratch.File("gray.png");
        FfmpegTool.Run("-f", "lavfi", "-i", "color=c=gray:s=8x4", "-frames:v", "1", "-pix_fmt", "gray", gray);
        using Pix pix = Pix.Read(gray);
        pix.Depth.Should().Be(8);

        Action act = () => pix.CopyRgbTo(new byte[8 * 4 * 3], 24);
        act.Should().Throw<InvalidOperationException>().WithMessage("*32 bpp*8 bpp*");

        using Pix rgb = pix.ConvertTo32();
        var pixels = new byte[8 * 4 * 3];
        rgb.CopyRgbTo(pixels, 24);
        pixels.Should().OnlyContain(b => b == pixels[0]);
    }

    [Fact]
    public void Read_NotAnImage_ThrowsWithLeptonicasReason()
    {
        Action act = () => Pix.Read("plain text"u8, "notes.txt");

        act.Should().Throw<LeptonicaException>().WithMessage("notes.txt: pixReadMem failed (Error in *)");
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndUseAfterDisposeThrows()
    {
        Pix pix = Pix.Read(TestImages.OpenCvPhoto("scenetext_word01.jpg"));
        pix.Dispose();
        pix.Dispose();

        Func<int> act = () => pix.Width;

        act.Should().Throw<ObjectDisposedException>();
    }
}
