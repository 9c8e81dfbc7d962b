using System.Diagnostics;

namespace Captions.Renderer.OpenGL.Tests;

/// <summary>Starts Xvfb on a free display number for one test and kills it afterwards.</summary>
internal sealed class XvfbServer : IDisposable
{
    private const string XvfbPath = "/usr/bin/Xvfb";
    private readonly Process _process;

    private XvfbServer(Process process, int number)
    {
        _process = process;
        Display = $":{number}";
    }

    /// <summary>The X display name, e.g. ":97".</summary>
    public string Display { get; }

    public static XvfbServer Start(string screen = "3840x1200x24")
    {
        File.Exists(XvfbPath).Should().BeTrue("Xvfb runs the windowed tests: run ./scripts/bootstrap.sh (Debian xvfb)");
        int number = FreeDisplayNumber();
        var process = Process.Start(new ProcessStartInfo(XvfbPath)
        {
            ArgumentList = { $":{number}", "-screen", "0", screen, "-nolisten", "tcp" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new XvfbServer(process, number);

        // Xvfb is ready once its socket exists (~100-300 ms here).
        var deadline = Stopwatch.StartNew();
        while (!File.Exists($"/tmp/.X11-unix/X{number}"))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                server.Dispose();
                throw new InvalidOperationException($"Xvfb :{number} did not start (exit {(process.HasExited ? process.ExitCode : -1)})");
            }

            Thread.Sleep(20);
        }

        return server;
    }

    /// <summary>A display number with no server (no socket, no lock file).</summary>
    public static int FreeDisplayNumber()
    {
        for (int n = 90 + Random.Shared.Next(100); ; n++)
        {
            if (!File.Exists($"/tmp/.X11-unix/X{n}") && !File.Exists($"/tmp/.X{n}-lock"))
            {
                return n;
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
