using System.Threading.Channels;
using Captions.Engine.Timing;

namespace Captions.Engine.Pipeline;

/// <summary>
/// A built set of stages and edges, run once.
/// <para>Completion flows downstream: a stage that returns completes its output edge, so its reader drains what is
/// queued and then ends too. A fault flows the same way: the failing stage completes its output with the error,
/// downstream stages drain and then fail with the same error (sinks close their files in finally blocks, so what was
/// written stays valid), and every stage upstream of the failure is cancelled so nothing blocks writing into a dead
/// stage. <see cref="RunAsync"/> then throws <see cref="PipelineFaultedException"/> naming the stage where it began.</para>
/// <para>Stopping (Ctrl+C) cancels only the sources; the rest drain and close their outputs cleanly. If draining
/// takes longer than the drain timeout, every stage is cancelled.</para>
/// Threading model: each stage body runs as its own task on the thread pool; stages share nothing but edges.
/// </summary>
public sealed class Pipeline : IDisposable
{
    private readonly PipelineClock _clock;
    private readonly PipelineMetrics _metrics;
    private readonly PipelineStage[] _stages;
    private readonly IPipelineEdge[] _edges;
    private readonly TimeSpan _drainTimeout;
    private readonly Lock _faultLock = new();
    private readonly List<StageFault> _faults = [];
    private int _started;

    internal Pipeline(PipelineClock clock, PipelineMetrics metrics, PipelineStage[] stages, IPipelineEdge[] edges, TimeSpan drainTimeout)
    {
        _clock = clock;
        _metrics = metrics;
        _stages = stages;
        _edges = edges;
        _drainTimeout = drainTimeout;
    }

    public PipelineClock Clock => _clock;

    public PipelineMetrics Metrics => _metrics;

    public IReadOnlyList<EdgeStatistics> GetEdgeStatistics() => [.. _edges.Select(e => e.GetStatistics())];

    /// <summary>
    /// Runs every stage until the sources end (or <paramref name="stopToken"/> stops them) and everything downstream
    /// has drained. Throws <see cref="PipelineFaultedException"/> if a stage failed.
    /// </summary>
    public async Task<PipelineResult> RunAsync(CancellationToken stopToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("a pipeline runs once; build a new one");
        }

        // Created on the pipeline's TimeProvider so CancelAfter (the drain timeout) follows driven time in tests.
        using var abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _clock.TimeProvider);
        var stageTokens = new CancellationTokenSource[_stages.Length];
        for (var i = 0; i < _stages.Length; i++)
        {
            stageTokens[i] = _stages[i].Kind == StageKind.Source
                ? CancellationTokenSource.CreateLinkedTokenSource(abort.Token, stopToken)
                : CancellationTokenSource.CreateLinkedTokenSource(abort.Token);
        }

        using var stopRegistration = stopToken.Register(() =>
        {
            try
            {
                abort.CancelAfter(_drainTimeout);
            }
            catch (ObjectDisposedException)
            {
                // The run already finished.
            }
        });

        try
        {
            var tasks = new Task[_stages.Length];
            for (var i = 0; i < _stages.Length; i++)
            {
                var index = i;
                tasks[i] = Task.Run(() => RunStageAsync(index, stageTokens));
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        finally
        {
            foreach (var edge in _edges)
            {
                edge.TryComplete();
                edge.ReleaseQueued();
            }

            foreach (var cts in stageTokens)
            {
                cts.Dispose();
            }
        }

        StageFault? root;
        lock (_faultLock)
        {
            root = _faults.Find(f => f.IsRoot);
        }

        if (root is not null)
        {
            throw new PipelineFaultedException(root.Stage, root.Error);
        }

        return new PipelineResult(
            Stopped: stopToken.IsCancellationRequested,
            // Only the drain timeout cancels the abort source; faults cancel just the stages upstream of them.
            DrainTimedOut: abort.IsCancellationRequested,
            Edges: GetEdgeStatistics());
    }

    public void Dispose() => _metrics.Dispose();

    private async Task RunStageAsync(int index, CancellationTokenSource[] stageTokens)
    {
        var stage = _stages[index];
        var token = stageTokens[index].Token;
        try
        {
            await stage.Body(token).ConfigureAwait(false);
            stage.Output?.TryComplete();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped or cancelled: what this stage already wrote stays valid; downstream drains it.
            stage.Output?.TryComplete();
        }
        catch (Exception ex)
        {
            var error = Unwrap(ex);
            RecordFault(stage.Name, error);
            stage.Output?.TryComplete(error);
            CancelUpstream(stage, stageTokens);
        }
    }

    private void RecordFault(string stage, Exception error)
    {
        lock (_faultLock)
        {
            var propagated = _faults.Exists(f => ReferenceEquals(f.Error, error));
            _faults.Add(new StageFault(stage, error, IsRoot: !propagated));
        }
    }

    /// <summary>Cancels every stage that (transitively) writes into <paramref name="failed"/>, so none blocks on a full edge.</summary>
    private void CancelUpstream(PipelineStage failed, CancellationTokenSource[] stageTokens)
    {
        var pending = new Stack<IPipelineEdge>();
        if (failed.Input is not null)
        {
            pending.Push(failed.Input);
        }

        while (pending.TryPop(out var edge))
        {
            for (var i = 0; i < _stages.Length; i++)
            {
                if (ReferenceEquals(_stages[i].Output, edge))
                {
                    stageTokens[i].Cancel();
                    if (_stages[i].Input is { } upstream)
                    {
                        pending.Push(upstream);
                    }
                }
            }

            // Nobody will read this edge any more; give pooled buffers back.
            edge.ReleaseQueued();
        }
    }

    private static Exception Unwrap(Exception ex) =>
        ex is ChannelClosedException { InnerException: { } inner } ? inner : ex;

    private sealed record StageFault(string Stage, Exception Error, bool IsRoot);
}
