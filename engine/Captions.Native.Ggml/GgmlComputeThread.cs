using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Captions.Native.Ggml;

/// <summary>
/// The one thread in the process that runs ggml graph computations: whisper_full for Captions.Native.Whisper and
/// llama_decode for Captions.Native.Llama hand their work to it and wait, so however many callers and libraries there
/// are, ggml sees one calling thread.
/// </summary>
/// <remarks>
/// Why: ggml's CPU backend is built with OpenMP, and libgomp gives every thread that starts a parallel region its own
/// team of workers. It counts those workers process-wide, and once they outnumber the cores it cuts the spin before a
/// barrier sleeps from ~300,000 iterations to 100, so each of the thousands of node barriers in a decode goes to the
/// kernel (futex) instead of spinning. A .NET pipeline calls from whichever thread-pool thread runs the stage, so
/// every new caller added a team: measured on 2 cores, decoding from thread-pool threads was 1.10-1.28x whisper-cli
/// (paired runs), from one thread 0.98-1.02x, and strace counted 60% more futex calls per decode. One compute thread
/// keeps one team whatever the caller, and serialises decodes, which on a machine this size is what you want anyway:
/// each decode already uses every core.
/// Threading model: any thread may call <see cref="Run"/>; work runs in arrival order; a call from the compute thread
/// itself runs inline. The queue is bounded (callers beyond it block in Add, never grow memory).
/// </remarks>
public sealed class GgmlComputeThread
{
    private const int QueueCapacity = 16;

    private static readonly Lazy<GgmlComputeThread> s_shared = new(() => new GgmlComputeThread("ggml-compute"));

    private readonly BlockingCollection<Job> _jobs = new(QueueCapacity);
    private readonly Thread _thread;

    private GgmlComputeThread(string name)
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public static GgmlComputeThread Shared => s_shared.Value;

    /// <summary>The compute thread's managed id (tests check work ran there).</summary>
    public int ManagedThreadId => _thread.ManagedThreadId;

    /// <summary>Runs <paramref name="work"/> on the compute thread and waits for it; its exception is rethrown here.</summary>
    public void Run(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Environment.CurrentManagedThreadId == _thread.ManagedThreadId)
        {
            work();
            return;
        }

        using var job = new Job(work);
        _jobs.Add(job);
        job.Done.Wait();
        job.Error?.Throw();
    }

    private void Loop()
    {
        foreach (Job job in _jobs.GetConsumingEnumerable())
        {
            try
            {
                job.Work();
            }
#pragma warning disable CA1031 // every failure goes back to the caller, which rethrows it with its stack
            catch (Exception exception)
#pragma warning restore CA1031
            {
                job.Error = ExceptionDispatchInfo.Capture(exception);
            }
            finally
            {
                job.Done.Set();
            }
        }
    }

    private sealed class Job(Action work) : IDisposable
    {
        public Action Work { get; } = work;

        public ManualResetEventSlim Done { get; } = new(initialState: false, spinCount: 0);

        public ExceptionDispatchInfo? Error { get; set; }

        public void Dispose() => Done.Dispose();
    }
}
