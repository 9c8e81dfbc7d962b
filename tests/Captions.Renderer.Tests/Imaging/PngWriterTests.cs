using System.Diagnostics;
using Captions.Renderer.Imaging;

namespace Captions.Renderer.Tests.Imaging;

public sealed class PngWriterTests : IDisposable
{
    private const string FfmpegPath = "/usr/bin/ffmpeg";
    private readonly string _directory = Directory.CreateTempSubdirectory("captions-png-").FullName;

    [Theory]
    [InlineData(PngColorType.Rgba, "rgba", 4)]
    [InlineData(PngColorType.Rgb, "rgb24", 3)]
    public async Task WriteFile_NoisyImage_DecodesToTheSamePixelsWithFfmpeg(PngColorType colorType, string ffmpegFormat, int channels)
    {
        const int width = 67;
        const int height = 41;
        var pixels = new byte[width * height * channels];
        new Random(1234).NextBytes(pixels);
        string path = Path.Combine(_directory, $"noise-{colorType}.png");

        PngWriter.WriteFile(path, pixels, width, height, colorType);

        var decoded = await DecodeAsync(path, ffmpegFormat).WaitAsync(TimeSpan.FromSeconds(30));
        decoded.Should().Equal(pixels);
    }

    [Fact]
    public async Task WriteFile_StrideWiderThanTheRow_WritesOnlyTheImagePixels()
    {
        const int width = 10;
        const int height = 6;
        const int stride = 64;
        var source = new byte[stride * height];
        new Random(7).NextBytes(source);
        var expected = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
        {
            source.AsSpan(y * stride, width * 4).CopyTo(expected.AsSpan(y * width * 4));
        }

        string path = Path.Combine(_directory, "stride.png");

        PngWriter.WriteFile(path, source, width, height, PngColorType.Rgba, stride);

        (await DecodeAsync(path, "rgba").WaitAsync(TimeSpan.FromSeconds(30))).Should().Equal(expected);
    }

    [Fact]
    public void Write_TooFewPixels_ThrowsNamingTheSizes()
    {
        using var output = new MemoryStream();

        var act = () => PngWriter.Write(output, new byte[10], 4, 4);

        act.Should().Throw<ArgumentException>().WithMessage("*4x4*64*10*");
    }

    [Fact]
    public void Write_AnyImage_StartsWithTheSignatureAndIhdr()
    {
        using var output = new MemoryStream();

        PngWriter.Write(output, new byte[2 * 3 * 4], 2, 3);

        var bytes = output.ToArray();
        bytes[..8].Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        System.Text.Encoding.ASCII.GetString(bytes, 12, 4).Should().Be("IHDR");
        System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4).Should().Be("IEND");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<byte[]> DecodeAsync(string path, string pixelFormat)
    {
        File.Exists(FfmpegPath).Should().BeTrue("ffmpeg decodes the PNGs: run ./scripts/bootstrap.sh");
        using var process = Process.Start(new ProcessStartInfo(FfmpegPath)
        {
            ArgumentList = { "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", pixelFormat, "-" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        using var output = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"ffmpeg decodes {path}: {await stderr}");
        return output.ToArray();
    }
}
