using Captions.Engine.Pipeline;
using Captions.Engine.Timing;
using Captions.TestKit.Time;

namespace Captions.TestKit.Pipeline;

/// <summary>
/// Builds and runs a pipeline on a <see cref="ManualTimeProvider"/>, so tests drive time instead of waiting for it,
/// and every wait is bounded so a deadlock fails the test instead of hanging CI.
/// </summary>
public sealed class PipelineTestHost : IDisposable
{
    /// <summary>Generous: only a deadlock should ever reach it.</summary>
    public static readonly TimeSpan DeadlockTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();

    public PipelineTestHost()
    {
        Time = new ManualTimeProvider();
        Clock = new PipelineClock(Time);
        Builder = new PipelineBuilder(Clock);
    }

    public ManualTimeProvider Time { get; }

    public PipelineClock Clock { get; }

    public PipelineBuilder Builder { get; }

    public CancellationToken StopToken => _stop.Token;

    /// <summary>Requests a graceful stop (what Ctrl+C does).</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Builds and starts the pipeline; await the returned task (it is bounded by <see cref="DeadlockTimeout"/>).</summary>
    public Task<PipelineResult> StartAsync()
    {
        var pipeline = Builder.Build();
        return RunAndDisposeAsync(pipeline);
    }

    /// <summary>Spins (yielding) until <paramref name="condition"/> holds, failing after <see cref="DeadlockTimeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Environment.TickCount64 + (long)DeadlockTimeout.TotalMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"timed out waiting until {what}");
            }

            await Task.Delay(1);
        }
    }

    public void Dispose() => _stop.Dispose();

    private async Task<PipelineResult> RunAndDisposeAsync(global::Captions.Engine.Pipeline.Pipeline pipeline)
    {
        using (pipeline)
        {
            return await pipeline.RunAsync(_stop.Token).WaitAsync(DeadlockTimeout);
        }
    }
}
