using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Captions.Bench.Peers;

/// <summary>
/// Runs one peer process without a shell (arguments through <see cref="ProcessStartInfo.ArgumentList"/>), measuring
/// its wall time and CPU time, collecting stdout lines and the last stderr line, and killing its whole process tree
/// on timeout or cancellation.
/// </summary>
/// <remarks>
/// CPU time is the growth of getrusage(RUSAGE_CHILDREN) across the child's life: Linux offers no per-child figure
/// once .NET has reaped the child, and the process-wide sum also counts any other child reaped in the same window.
/// So every child started here (peers and the ffmpeg resampler alike) goes through one process-wide gate: peer
/// children never overlap each other. A child started elsewhere in this process during a peer's run (a TTS or sox
/// call from another stage) would still be counted; the bench runs peers on their own, after our configurations.
/// </remarks>
internal static class ChildProcessRunner
{
    // Process-wide because RUSAGE_CHILDREN is process-wide (see remarks); one child at a time.
    private static readonly SemaphoreSlim s_gate = new(1, 1);

    /// <summary>Runs <paramref name="executable"/> to completion or until <paramref name="timeout"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired; the child was killed first.</exception>
    /// <exception cref="Win32Exception">The executable could not be started.</exception>
    public static async Task<ChildOutcome> RunAsync(
        string executable, IReadOnlyList<string> arguments, TimeSpan timeout, TimeProvider timeProvider, CancellationToken ct)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        await s_gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await RunGatedAsync(info, timeout, timeProvider, ct).ConfigureAwait(false);
        }
        finally
        {
            s_gate.Release();
        }
    }

    private static async Task<ChildOutcome> RunGatedAsync(ProcessStartInfo info, TimeSpan timeout, TimeProvider timeProvider, CancellationToken ct)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
        TimeSpan cpuStart = CpuTime.Children;
        long start = Stopwatch.GetTimestamp();
        using Process process = Process.Start(info)
            ?? throw new InvalidOperationException($"{info.FileName} did not start (Process.Start returned null)");

        // No input: a peer that reads stdin sees end of file at once instead of waiting for a terminal.
        process.StandardInput.Close();
        Task<List<string>> stdout = ReadLinesAsync(process.StandardOutput);
        Task<string?> stderr = ReadLastLineAsync(process.StandardError);
        bool killed = false;
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            killed = true;
            KillTree(process);

            // Reap it, so its pipes close and the readers finish, whatever fired.
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double cpu = (CpuTime.Children - cpuStart).TotalSeconds;
        List<string> lines = await stdout.ConfigureAwait(false);
        string? lastError = await stderr.ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return new ChildOutcome(killed ? null : process.ExitCode, killed, wall, cpu, lines, lastError);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the timeout and the kill: nothing left to kill.
        }
    }

    private static async Task<List<string>> ReadLinesAsync(StreamReader reader)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync().ConfigureAwait(false) is string line)
        {
            lines.Add(line);
        }

        return lines;
    }

    // pocketsphinx logs several lines per utterance to stderr: keep only the last non-empty one (the error, on failure).
    private static async Task<string?> ReadLastLineAsync(StreamReader reader)
    {
        string? last = null;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is string line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                last = line.Trim();
            }
        }

        return last;
    }
}
