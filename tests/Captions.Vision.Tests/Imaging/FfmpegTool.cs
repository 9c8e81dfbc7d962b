using System.Diagnostics;

namespace Captions.Vision.Tests.Imaging;

/// <summary>Runs the ffmpeg CLI to make test inputs at test time (lavfi sources, format conversions).</summary>
internal static class FfmpegTool
{
    public static void Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in new[] { "-hide_banner", "-nostdin", "-loglevel", "error", "-y" }.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', arguments)} exited {process.ExitCode}: {errors}");
        }
    }

    /// <summary>One frame of lavfi testsrc2 (colour bars, moving shapes) at the given size into <paramref name="path"/>.</summary>
    public static string TestPicture(string path, int width, int height)
    {
        Run("-f", "lavfi", "-i", $"testsrc2=size={width}x{height}", "-frames:v", "1", path);
        return path;
    }
}
