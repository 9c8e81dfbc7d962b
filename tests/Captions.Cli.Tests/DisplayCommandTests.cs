using System.Diagnostics;
using System.Text.Json;
using Captions.Engine.Metrics;

namespace Captions.Cli.Tests;

/// <summary>`captions render` and `listen --display`: real fonts, real headless OpenGL (Mesa llvmpipe), real PNGs.</summary>
public sealed class DisplayCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"captions-display-{Guid.NewGuid():N}");

    public DisplayCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Render_Sbs_WritesBothEyesWithTextInTheBottomThird()
    {
        var png = Path.Combine(_dir, "frame.png");

        var result = await CliRun.InProcessAsync("render", "--text", "Where is the station?", "--translation", "¿Dónde está la estación?", "--eye", "960x540", "--out", png);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("disparity").And.Contain("sbs");
        var (width, height, rgba) = await DecodeAsync(png);
        width.Should().Be(1920);
        height.Should().Be(540);
        LitPixels(rgba, width, 0, 960, 0, 270).Should().Be(0, "the top half of the left eye is empty (black is transparent)");
        LitPixels(rgba, width, 0, 960, 360, 540).Should().BeGreaterThan(500, "captions sit in the bottom third of the left eye");
        LitPixels(rgba, width, 960, 1920, 360, 540).Should().BeGreaterThan(500, "and of the right eye");
    }

    [Fact]
    public async Task Render_Dual_WritesOneFilePerEyeShiftedByTheDisparity()
    {
        var png = Path.Combine(_dir, "eyes.png");

        var result = await CliRun.InProcessAsync("render", "--text", "GATE 12", "--eye", "640x360", "--layout", "dual", "--depth", "1.0", "--out", png);

        result.ExitCode.Should().Be(0, result.ToString());
        var left = await DecodeAsync(Path.Combine(_dir, "eyes-left.png"));
        var right = await DecodeAsync(Path.Combine(_dir, "eyes-right.png"));
        left.Width.Should().Be(640);
        right.Width.Should().Be(640);
        var shift = LeftmostLitColumn(left) - LeftmostLitColumn(right);
        shift.Should().BeGreaterThan(0, "the left eye's image sits further right: the caption plane converges at 1 m");
        (shift % 2).Should().Be(0, "each eye moves by the same whole-pixel half of the disparity");
    }

    [Fact]
    public async Task Render_Mono_NoDisparityOneEye()
    {
        var png = Path.Combine(_dir, "mono.png");

        var result = await CliRun.InProcessAsync("render", "--text", "hello", "--eye", "320x180", "--layout", "mono", "--out", png);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("disparity 0 px");
        (await DecodeAsync(png)).Width.Should().Be(320);
    }

    [Fact]
    public async Task Render_CpuReference_MatchesOpenGlWithinTolerance()
    {
        var gl = Path.Combine(_dir, "gl.png");
        var cpu = Path.Combine(_dir, "cpu.png");
        string[] args = ["render", "--text", "我们明天见", "--translation", "See you tomorrow", "--eye", "480x270"];

        (await CliRun.InProcessAsync([.. args, "--out", gl])).ExitCode.Should().Be(0);
        (await CliRun.InProcessAsync([.. args, "--out", cpu, "--cpu"])).ExitCode.Should().Be(0);

        var a = (await DecodeAsync(gl)).Rgba;
        var b = (await DecodeAsync(cpu)).Rgba;
        a.Should().HaveSameCount(b);
        var worst = 0;
        for (var i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        }

        worst.Should().BeLessThanOrEqualTo(2, "the GL tests document 2 levels as the tolerance against the CPU reference");
    }

    [Theory]
    [InlineData("--eye", "1920by1080", "Display:Eye")]
    [InlineData("--eye", "20x20", "Display:Eye")]
    [InlineData("--depth", "-1", "Display:DepthMetres")]
    [InlineData("--depth", "0", "Display:DepthMetres")]
    public async Task Render_AbsurdSetting_NamesItAndFails(string option, string value, string named)
    {
        var result = await CliRun.InProcessAsync("render", "--text", "x", option, value, "--out", Path.Combine(_dir, "x.png"));

        result.ExitCode.Should().Be(2, "a bad setting is a usage error");
        result.Error.Should().Contain(named).And.Contain(value);
        File.Exists(Path.Combine(_dir, "x.png")).Should().BeFalse();
    }

    [Fact]
    public async Task Render_MissingPrimaryFont_SaysWhichAndFails()
    {
        var config = Path.Combine(_dir, "fonts.json");
        await File.WriteAllTextAsync(config, """{ "Display": { "Fonts": [ "/nonexistent/NoSuchFont.ttf" ] } }""");

        var result = await CliRun.InProcessAsync("render", "--text", "x", "--config", config, "--out", Path.Combine(_dir, "x.png"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("/nonexistent/NoSuchFont.ttf");
    }

    [Fact]
    public async Task Listen_DisplayPng_RecordsFramesAndPresentedStamps()
    {
        var clip = ReferenceCorpus.Load()[0];
        var frames = Path.Combine(_dir, "frames");
        var events = Path.Combine(_dir, "events.jsonl");
        var config = Path.Combine(_dir, "small-eye.json");
        await File.WriteAllTextAsync(config, """{ "Display": { "Eye": "640x360" } }""");

        var result = await CliRun.InProcessAsync(
            "listen", "-i", clip.WavPath, "--fast", "--asr", "sphinx", "--display", $"png:{frames}", "--events", events, "--config", config, "-q");

        result.ExitCode.Should().Be(0, result.ToString());
        var pngs = Directory.GetFiles(frames, "frame-*.png").Order(StringComparer.Ordinal).ToArray();
        pngs.Should().NotBeEmpty();
        var last = await DecodeAsync(pngs[^1]);
        last.Width.Should().Be(1280);
        LitPixels(last.Rgba, last.Width, 0, 640, 180, 360).Should().BeGreaterThan(100, "the last frame shows the committed caption");

        var lines = (await File.ReadAllLinesAsync(events)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var versions = lines.Where(l => l.GetProperty("type").GetString() is "partial" or "commit")
            .ToDictionary(l => (l.GetProperty("id").GetInt64(), l.GetProperty("version").GetInt32()), l => l.GetProperty("stamps").GetProperty("asr").GetDouble());
        var presented = lines.Where(l => l.GetProperty("type").GetString() == "presented").ToList();
        presented.Should().NotBeEmpty();
        foreach (var p in presented)
        {
            var key = (p.GetProperty("id").GetInt64(), p.GetProperty("version").GetInt32());
            versions.Should().ContainKey(key, "every presented record names a caption version the pipeline produced");
            p.GetProperty("presented").GetDouble().Should().BeGreaterThanOrEqualTo(versions[key], "a version is drawn after it was recognised");
        }

        var commit = lines.Last(l => l.GetProperty("type").GetString() == "commit");
        presented.Should().Contain(
            p => p.GetProperty("id").GetInt64() == commit.GetProperty("id").GetInt64() && p.GetProperty("version").GetInt32() == commit.GetProperty("version").GetInt32(),
            "the final committed caption is drawn before the display stops");
    }

    [Fact]
    public async Task Listen_DisplaySbsWithoutXServer_ClearErrorNoCrash()
    {
        var clip = ReferenceCorpus.Load()[0];
        var environment = CliRun.ProcessEnvironment(("DISPLAY", ":97"));

        var result = await CliRun.InProcessAsync(environment, null, "listen", "-i", clip.WavPath, "--fast", "--asr", "sphinx", "--display", "sbs", "-q");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("display").And.Contain(":97").And.Contain("png:DIR");
    }

    [Fact]
    public async Task Listen_UnknownDisplay_NamesTheSetting()
    {
        var result = await CliRun.InProcessAsync("listen", "-i", "x.wav", "--display", "hologram");

        result.ExitCode.Should().Be(2, "a bad setting is a usage error, as everywhere in the CLI");
        result.Error.Should().Contain("Display:Target").And.Contain("hologram");
    }

    private static int LitPixels(byte[] rgba, int width, int x0, int x1, int y0, int y1)
    {
        var lit = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var i = ((y * width) + x) * 4;
                if (rgba[i] > 64 || rgba[i + 1] > 64 || rgba[i + 2] > 64)
                {
                    lit++;
                }
            }
        }

        return lit;
    }

    private static int LeftmostLitColumn((int Width, int Height, byte[] Rgba) image)
    {
        for (var x = 0; x < image.Width; x++)
        {
            if (LitPixels(image.Rgba, image.Width, x, x + 1, 0, image.Height) > 0)
            {
                return x;
            }
        }

        return -1;
    }

    /// <summary>Decodes with ffmpeg (a real PNG decoder, not ours).</summary>
    private static async Task<(int Width, int Height, byte[] Rgba)> DecodeAsync(string path)
    {
        File.Exists(path).Should().BeTrue($"{path} was written");
        var probe = await RunAsync("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", path]);
        var size = System.Text.Encoding.ASCII.GetString(probe).Trim().Split(',');
        var width = int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture);
        var rgba = await RunAsync("ffmpeg", ["-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgba", "-"]);
        rgba.Length.Should().Be(width * height * 4);
        return (width, height, rgba);
    }

    private static async Task<byte[]> RunAsync(string tool, string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await copy;
        process.ExitCode.Should().Be(0, await error);
        return output.ToArray();
    }
}
