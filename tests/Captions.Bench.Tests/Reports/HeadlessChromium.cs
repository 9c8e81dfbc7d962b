using System.Diagnostics;

namespace Captions.Bench.Tests.Reports;

/// <summary>
/// Runs the real Chromium headless on a report file: a screenshot (PNG) or the DOM after parsing. Chromium can hang
/// (a GPU probe, a stuck renderer), so every run has a timeout after which the whole process tree is killed and the
/// test fails saying so. Missing Chromium fails the test pointing at the bootstrap script: CI installs it.
/// </summary>
internal static class HeadlessChromium
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string FfmpegPath = "/usr/bin/ffmpeg";

    /// <summary>Generous for 2 loaded cores: a run takes ~10 s here, most of it start-up.</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(180);

    public static async Task ScreenshotAsync(string htmlPath, string pngPath, int width, int height)
    {
        File.Delete(pngPath);
        (int exit, _, string stderr) = await RunChromiumAsync(htmlPath, $"--screenshot={pngPath}", $"--window-size={width},{height}");
        exit.Should().Be(0, $"chromium screenshots {htmlPath}: {Tail(stderr)}");
        File.Exists(pngPath).Should().BeTrue($"chromium wrote {pngPath}: {Tail(stderr)}");
    }

    public static async Task<string> DumpDomAsync(string htmlPath)
    {
        (int exit, string stdout, string stderr) = await RunChromiumAsync(htmlPath, "--dump-dom");
        exit.Should().Be(0, $"chromium dumps the DOM of {htmlPath}: {Tail(stderr)}");
        return stdout;
    }

    /// <summary>The PNG as packed RGB bytes (three per pixel, row by row), decoded by ffmpeg.</summary>
    public static async Task<byte[]> DecodeRgbAsync(string pngPath)
    {
        File.Exists(FfmpegPath).Should().BeTrue("ffmpeg decodes the screenshot: run scripts/bootstrap.sh");
        var start = new ProcessStartInfo(FfmpegPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "-v", "error", "-i", pngPath, "-f", "rawvideo", "-pix_fmt", "rgb24", "-" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await WaitOrKillAsync(process, "ffmpeg");
        await copy;
        process.ExitCode.Should().Be(0, $"ffmpeg decodes {pngPath}: {await stderr}");
        return output.ToArray();
    }

    /// <summary>Pixels whose every channel is within <paramref name="tolerance"/> of <paramref name="hex"/> ("#rrggbb").</summary>
    public static int CountPixels(byte[] rgb, string hex, int tolerance = 6)
    {
        int r = Convert.ToInt32(hex.Substring(1, 2), 16), g = Convert.ToInt32(hex.Substring(3, 2), 16), b = Convert.ToInt32(hex.Substring(5, 2), 16);
        int count = 0;
        for (int i = 0; i + 2 < rgb.Length; i += 3)
        {
            if (Math.Abs(rgb[i] - r) <= tolerance && Math.Abs(rgb[i + 1] - g) <= tolerance && Math.Abs(rgb[i + 2] - b) <= tolerance)
            {
                count++;
            }
        }

        return count;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunChromiumAsync(string htmlPath, params string[] arguments)
    {
        File.Exists(ChromiumPath).Should().BeTrue(
            $"the HTML report rendering test needs {ChromiumPath}: run scripts/bootstrap.sh (package chromium in scripts/debian-packages.txt; CI installs it)");
        string profile = Path.Combine(Path.GetTempPath(), $"captions-chromium-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(ChromiumPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        // --no-sandbox: tests run as root in containers, where the sandbox cannot start; a fresh profile per run so
        // parallel runs do not fight over one profile lock.
        foreach (string argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", $"--user-data-dir={profile}" }
            .Concat(arguments)
            .Append(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            await WaitOrKillAsync(process, "chromium");
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A straggling child may still hold a file; the temp directory is cleaned by the OS eventually.
            }
        }
    }

    private static async Task WaitOrKillAsync(Process process, string name)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} did not finish within {s_timeout.TotalSeconds:0} s; its process tree was killed.");
        }
    }

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;
}
