using System.Diagnostics;
using System.Text;
using Captions.Engine.Translation;
using Microsoft.Extensions.Logging;

namespace Captions.Translation.Apertium;

/// <summary>
/// One warm Apertium pipeline for one direction: the mode's stages run once with -z (null flush) and every request
/// is the text, a newline and a NUL; the answer is everything up to the next NUL.
/// </summary>
/// <remarks>
/// Measured here (Apertium 3.8.3, eng-spa, 2 cores): `apertium -z -f none eng-spa` does NOT answer before its input
/// ends: three requests written 3 s apart came out together only at EOF. The stage that holds them is the script's
/// own gawk wrapper (RS="\0|\n" is a regex, so gawk reads ahead for a longer match); the stages themselves flush on
/// NUL. Running the mode's stages directly (apertium-wblank-mode -z MODE | bash) answers the first request in
/// ~0.2 s (dictionaries loading) and later ones in 3-7 ms. Two more things were needed: a sentence-final "." right
/// before the NUL is dropped by lt-proc ("The cat is on the table." -> "El gato es en la mesa"), and without
/// trailing whitespace a request's answer waits in the transfer stages until the next request arrives; ending each
/// request with "\n\0" fixes both ("El gato es en la mesa.").
/// Benchmark (perf apertium runner, 50 English captions x 2 rounds, en->es, same run, 2 busy cores): warm p50
/// 3.6 ms, p95 11.5 ms; a pipeline per request p50 426 ms, p95 935 ms: 117x at p50. First warm request 730 ms.
/// Threading model: writes are serialised by <see cref="_writeLock"/> and answers arrive in order, so a FIFO of
/// pending requests pairs them; one reader task per process completes them. A cancelled request stays in the FIFO
/// (its answer is read and dropped) so later answers stay paired. A request that outlives
/// <see cref="ApertiumOptions.RequestTimeout"/> kills the process; the next request starts a new one.
/// </remarks>
internal sealed class ApertiumPipeline : IAsyncDisposable
{
    private readonly ApertiumPair _pair;
    private readonly ApertiumTools _tools;
    private readonly ApertiumOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _gate = new();
    private string? _script;
    private Session? _session;
    private long _rejected;
    private bool _disposed;

    public ApertiumPipeline(ApertiumPair pair, ApertiumTools tools, ApertiumOptions options, ILogger logger)
    {
        _pair = pair;
        _tools = tools;
        _options = options;
        _logger = logger;
    }

    /// <summary>The live process's id, or null before the first request and after a crash.</summary>
    public int? ProcessId
    {
        get
        {
            lock (_gate)
            {
                return _session?.Pid;
            }
        }
    }

    /// <summary>Requests turned away because <see cref="ApertiumOptions.QueueCapacity"/> were already in flight.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Translates one escaped, neutralised line; returns the raw pipeline output for it.</summary>
    public async Task<string> TranslateAsync(string escaped, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Session session;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            session = await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                if (session.Pending.Count >= _options.QueueCapacity)
                {
                    Interlocked.Increment(ref _rejected);
                    throw new TranslationException(
                        TranslationFailureKind.Rejected,
                        $"Apertium {_pair.Mode} has {session.Pending.Count} requests in flight (capacity {_options.QueueCapacity}); request dropped.");
                }

                session.Pending.Enqueue(answer);
            }

            // Not cancellable: half a request in the pipe would pair every later answer with the wrong caption.
            byte[] bytes = Encoding.UTF8.GetBytes(escaped + "\n\0");
            try
            {
                Stream input = session.Process.StandardInput.BaseStream;
                await input.WriteAsync(bytes, CancellationToken.None).ConfigureAwait(false);
                await input.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                // The process died between start and write; the reader fails everything pending with its stderr.
                _logger.LogDebug(ex, "Write to apertium {Mode} failed", _pair.Mode);
            }
        }
        finally
        {
            _writeLock.Release();
        }

        try
        {
            return await answer.Task.WaitAsync(_options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Apertium {Mode} (pid {Pid}) gave no answer in {Timeout}; killing it, the next request starts a new one",
                _pair.Mode, session.Pid, _options.RequestTimeout);
            session.Wedged = true;
            _ = Task.Run(() => ApertiumProcess.KillTree(session.Process), CancellationToken.None);
            throw new TranslationException(
                TranslationFailureKind.Timeout,
                $"Apertium {_pair.Mode} gave no answer within {_options.RequestTimeout.TotalSeconds:0.#} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Session? session;
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            lock (_gate)
            {
                session = _session;
            }
        }
        finally
        {
            _writeLock.Release();
        }

        if (session is not null)
        {
            Task stopped = ApertiumProcess.StopAsync(session.Process);
            await session.Reader.ConfigureAwait(false);
            await stopped.ConfigureAwait(false);
        }

    }

    // Called under _writeLock: at most one start at a time.
    private async Task<Session> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // HasExited too: a process killed a moment ago may not have been reaped by its reader yet.
            if (_session is { } live && !live.Wedged && !live.Process.HasExited)
            {
                return live;
            }
        }

        long t0 = Stopwatch.GetTimestamp();
        _script ??= await _tools.ScriptAsync(_pair, nullFlush: true, cancellationToken).ConfigureAwait(false);
        Process process;
        try
        {
            process = Process.Start(_tools.PipelineStartInfo(_script, _pair))
                ?? throw new TranslationException(TranslationFailureKind.EngineFailed, $"Could not start the Apertium {_pair.Mode} pipeline.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new TranslationException(TranslationFailureKind.EngineFailed, $"Could not start the Apertium {_pair.Mode} pipeline: {ex.Message}", ex);
        }

        var session = new Session(process, new StderrTail(process.StandardError));
        session.Reader = Task.Run(() => ReadAnswersAsync(session), CancellationToken.None);
        lock (_gate)
        {
            _session = session;
        }

        _logger.LogInformation("Apertium {Mode} warm pipeline started (pid {Pid}) in {Ms:0} ms", _pair.Mode, process.Id, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        return session;
    }

    private async Task ReadAnswersAsync(Session session)
    {
        Process process = session.Process;
        Stream output = process.StandardOutput.BaseStream;
        var answer = new MemoryStream();
        byte[] buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await output.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                int start = 0;
                for (int nul; (nul = Array.IndexOf(buffer, (byte)0, start, read - start)) >= 0; start = nul + 1)
                {
                    answer.Write(buffer, start, nul - start);
                    string text = Encoding.UTF8.GetString(answer.GetBuffer(), 0, (int)answer.Length);
                    answer.SetLength(0);
                    TaskCompletionSource<string>? head;
                    lock (_gate)
                    {
                        session.Pending.TryDequeue(out head);
                    }

                    head?.TrySetResult(text);
                }

                answer.Write(buffer, start, read - start);
            }
        }
        catch (IOException)
        {
            // The pipe broke: handled as an exit below.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while reading.
        }

        await session.Stderr.Completion.ConfigureAwait(false);
        using (var exitWait = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                await process.WaitForExitAsync(exitWait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stdout closed but the shell lingers: reported as exit code "?".
            }
        }

        string exitCode = process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
        TaskCompletionSource<string>[] orphans;
        bool disposing;
        lock (_gate)
        {
            orphans = [.. session.Pending];
            session.Pending.Clear();
            if (ReferenceEquals(_session, session))
            {
                _session = null;
            }

            disposing = _disposed;
        }

        string why = $"Apertium {_pair.Mode} pipeline (pid {session.Pid}) exited with code {exitCode}: {session.Stderr.Text}";
        if (!disposing)
        {
            _logger.LogWarning("{Reason}; the next request restarts it", why);
        }

        var failure = new TranslationException(TranslationFailureKind.EngineFailed, why);
        foreach (TaskCompletionSource<string> orphan in orphans)
        {
            orphan.TrySetException(failure);
        }

        process.Dispose();
    }

    /// <summary>One process and the requests written to it whose answers have not come back yet.</summary>
    private sealed class Session(Process process, StderrTail stderr)
    {
        public Process Process { get; } = process;

        public int Pid { get; } = process.Id;

        public StderrTail Stderr { get; } = stderr;

        public Queue<TaskCompletionSource<string>> Pending { get; } = new();

        public Task Reader { get; set; } = Task.CompletedTask;

        /// <summary>Timed out and being killed: the next request starts a new process without waiting for the reader.</summary>
        public bool Wedged { get; set; }
    }
}
