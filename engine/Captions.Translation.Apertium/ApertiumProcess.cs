using System.Diagnostics;

namespace Captions.Translation.Apertium;

/// <summary>Stopping a pipeline (bash and its ~11 stage processes) without making the caller wait.</summary>
/// <remarks>
/// Process.Kill(entireProcessTree: true) took 1.6 s here for one eng-spa pipeline, too slow for a cancellation or a
/// dispose. Closing the pipeline's stdin ends it the way Apertium expects: lt-proc
/// sees EOF, each stage finishes and exits in turn, and bash exits after the last. Only a pipeline that does not
/// exit within <see cref="GracePeriod"/> (a wedged stage) gets <see cref="KillTree"/>, off the caller's path.
/// </remarks>
internal static class ApertiumProcess
{
    /// <summary>Time a pipeline gets to exit after EOF; a warm eng-spa pipeline exits in a few ms.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Closes stdin and, in the background, kills the tree if it has not exited after the grace period; with
    /// <paramref name="dispose"/> the background task owns <paramref name="process"/> and disposes it at the end.
    /// </summary>
    public static Task StopAsync(Process process, bool dispose = false)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The pipe is already broken: the process is gone or going.
        }
        catch (InvalidOperationException)
        {
            // Disposed or never started.
        }

        return Task.Run(async () =>
        {
            using var grace = new CancellationTokenSource(GracePeriod);
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
            }
            catch (InvalidOperationException)
            {
                // Disposed: it was reaped already.
            }
            finally
            {
                if (dispose)
                {
                    process.Dispose();
                }
            }
        });
    }

    /// <summary>
    /// SIGKILL to the pipeline's shell and every stage, found through /proc/PID/task/PID/children (milliseconds);
    /// falls back to Process.Kill(entireProcessTree) (~1.6 s here) where that file does not exist.
    /// </summary>
    public static void KillTree(Process process)
    {
        try
        {
            int root = process.Id;
            if (!File.Exists($"/proc/{root}/task/{root}/children"))
            {
                process.Kill(entireProcessTree: true);
                return;
            }

            var pending = new Stack<int>([root]);
            var tree = new List<int>();
            while (pending.TryPop(out int next))
            {
                tree.Add(next);
                try
                {
                    foreach (string child in File.ReadAllText($"/proc/{next}/task/{next}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        pending.Push(int.Parse(child, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
                catch (IOException)
                {
                    // Exited while walking: nothing below it to kill.
                }
            }

            process.Kill();
            foreach (int id in tree.Skip(1))
            {
                try
                {
                    using Process stage = Process.GetProcessById(id);
                    stage.Kill();
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
                catch (InvalidOperationException)
                {
                    // Exited between lookup and kill.
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited (or disposed).
        }
    }
}
