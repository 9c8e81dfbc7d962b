using System.Diagnostics;
using Captions.Engine.Translation;
using Microsoft.Extensions.Logging;

namespace Captions.Translation.Apertium.Tests;

/// <summary>The warm pipeline as a process: reuse, concurrency, cancellation, crash recovery, dispose.</summary>
public sealed class ApertiumTranslatorProcessTests
{
    private static readonly string[] s_sentences =
    [
        "Hello, how are you today?", "The cat is on the table.", "I would like a coffee with milk.",
        "The meeting starts at nine in the morning.", "My brother lives in Barcelona.", "We are going to the beach tomorrow.",
        "This translation works without the internet.", "Mr Xyzzyplugh arrived yesterday.", "The dog sleeps in the kitchen.",
        "Where is the museum?", "It is very hot today.", "I need a ticket to Madrid.",
    ];

    [Fact]
    public async Task TranslateAsync_SeveralRequests_ReuseOneWarmProcess()
    {
        ApertiumTestSupport.RequireInstalled();
        await using var translator = new ApertiumTranslator();
        translator.WarmProcessId("en", "es").Should().BeNull("nothing starts before the first request");

        await ApertiumTestSupport.TranslateAsync(translator, s_sentences[0], "en", "es");
        int? first = translator.WarmProcessId("en", "es");
        await ApertiumTestSupport.TranslateAsync(translator, s_sentences[1], "en", "es");
        await ApertiumTestSupport.TranslateAsync(translator, s_sentences[2], "en", "es");

        first.Should().NotBeNull();
        translator.WarmProcessId("en", "es").Should().Be(first);
        Process.GetProcessById(first!.Value).HasExited.Should().BeFalse();
        translator.WarmProcessId("es", "en").Should().BeNull("each direction has its own pipeline, started on use");
    }

    [Fact]
    public async Task TranslateAsync_ConcurrentRequests_EachGetsItsOwnAnswer()
    {
        ApertiumTestSupport.RequireInstalled();
        await using var oneByOne = new ApertiumTranslator();
        var expected = new List<string>();
        foreach (string sentence in s_sentences)
        {
            expected.Add(await ApertiumTestSupport.TranslateAsync(oneByOne, sentence, "en", "es"));
        }

        await using var translator = new ApertiumTranslator();
        string[] answers = await Task.WhenAll(s_sentences.Select(s => Task.Run(() => ApertiumTestSupport.TranslateAsync(translator, s, "en", "es"))))
            .WaitAsync(ApertiumTestSupport.Timeout);

        answers.Should().Equal(expected);
        expected.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task TranslateAsync_MoreRequestsInFlightThanTheQueueHolds_RejectsAndCountsTheRest()
    {
        // Capacity 1 and a cold pipeline: the first request holds the slot for the ~0.2-1 s of dictionary loading,
        // so requests arriving meanwhile are turned away rather than queued without bound.
        ApertiumTestSupport.RequireInstalled();
        await using var translator = new ApertiumTranslator(new ApertiumOptions { QueueCapacity = 1 });

        Task<string>[] requests = [.. s_sentences.Select(s => ApertiumTestSupport.TranslateAsync(translator, s, "en", "es"))];
        try
        {
            await Task.WhenAll(requests).WaitAsync(ApertiumTestSupport.Timeout);
        }
        catch (TranslationException)
        {
            // Inspected below.
        }

        Task<string>[] rejected = [.. requests.Where(r => r.IsFaulted)];
        rejected.Should().NotBeEmpty();
        rejected.Select(r => r.Exception!.InnerException).Should().AllSatisfy(e =>
            e.Should().BeOfType<TranslationException>().Which.Kind.Should().Be(TranslationFailureKind.Rejected));
        translator.RejectedRequests.Should().Be(rejected.Length);
        requests.Count(r => r.IsCompletedSuccessfully).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task TranslateAsync_CancelledWhileApertiumWorks_ThrowsAndLaterAnswersStayPaired()
    {
        // The first request on a new pipeline waits ~0.2-1 s for the dictionaries to load. Cancelling once the
        // process exists lands after the (uncancellable) write, so its answer still comes out of the pipe and must
        // be dropped, not handed to the next request.
        ApertiumTestSupport.RequireInstalled();
        await using var translator = new ApertiumTranslator();
        using var cancel = new CancellationTokenSource();
        Task<IReadOnlyList<TranslationUpdate>> first = ApertiumTestSupport.TranslateAllAsync(translator, "The cat is on the table.", "en", "es", cancel.Token);
        await WaitUntilAsync(() => translator.WarmProcessId("en", "es") is not null || first.IsCompleted);

        await cancel.CancelAsync();

        Func<Task> act = () => first.WaitAsync(ApertiumTestSupport.Timeout);
        await act.Should().ThrowAsync<OperationCanceledException>();
        string next = await ApertiumTestSupport.TranslateAsync(translator, "My brother lives in Barcelona.", "en", "es");
        next.Should().Be("Mis vidas de hermano en Barcelona.");
    }

    [Fact]
    public async Task TranslateAsync_CancelledProcessPerRequest_ThrowsBeforeTheAnswer()
    {
        ApertiumTestSupport.RequireInstalled();
        await using var translator = new ApertiumTranslator(new ApertiumOptions { UseWarmProcess = false });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));

        Func<Task> act = () => ApertiumTestSupport.TranslateAllAsync(translator, "The cat is on the table.", "en", "es", cancel.Token)
            .WaitAsync(ApertiumTestSupport.Timeout);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task TranslateAsync_AfterThePipelineIsKilled_RestartsWithANewProcessAndLogsIt()
    {
        ApertiumTestSupport.RequireInstalled();
        var logger = new ListLogger<ApertiumTranslator>();
        await using var translator = new ApertiumTranslator(logger: logger);
        await ApertiumTestSupport.TranslateAsync(translator, "The cat is on the table.", "en", "es");
        int crashed = translator.WarmProcessId("en", "es")!.Value;

        KillTreeNow(crashed);

        await WaitUntilAsync(() => translator.WarmProcessId("en", "es") is null);
        string after = await ApertiumTestSupport.TranslateAsync(translator, "My brother lives in Barcelona.", "en", "es");

        after.Should().Be("Mis vidas de hermano en Barcelona.");
        translator.WarmProcessId("en", "es").Should().NotBeNull().And.NotBe(crashed);
        logger.Lines.Should().Contain(l => l.Level == LogLevel.Warning
            && l.Message.Contains($"pid {crashed}", StringComparison.Ordinal) && l.Message.Contains("restarts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TranslateAsync_PipelineDiesMidRequest_FailsWithEngineFailedNamingThePid()
    {
        // A pipeline that reads and never answers ("tail -f /dev/null" as the eng-spa mode) holds the request in
        // flight for as long as the test needs, where a real cold pipeline answers within ~0.5 s and once beat the
        // kill under load. Killed with the request written (or, if the kill beat the write, the write) must fail,
        // not hang.
        ApertiumTestSupport.RequireInstalled();
        string modes = Directory.CreateTempSubdirectory("apertium-modes-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(modes, "eng-spa.mode"), "tail -f /dev/null");
            await using var translator = new ApertiumTranslator(new ApertiumOptions { ModesDirectory = modes });
            Task<string> inFlight = ApertiumTestSupport.TranslateAsync(translator, "The cat is on the table.", "en", "es");
            await WaitUntilAsync(() => translator.WarmProcessId("en", "es") is not null || inFlight.IsCompleted);
            inFlight.IsCompleted.Should().BeFalse("a pipeline that never answers cannot complete the request");
            int pid = translator.WarmProcessId("en", "es")!.Value;

            KillTreeNow(pid);

            Func<Task> act = () => inFlight.WaitAsync(ApertiumTestSupport.Timeout);
            TranslationException error = (await act.Should().ThrowAsync<TranslationException>()).Which;
            error.Kind.Should().Be(TranslationFailureKind.EngineFailed);
            error.Message.Should().Contain($"pid {pid}").And.Contain("eng-spa");
        }
        finally
        {
            Directory.Delete(modes, recursive: true);
        }
    }

    [Fact]
    public async Task TranslateAsync_NoAnswerWithinTheTimeout_ThrowsTimeoutAndDropsTheProcess()
    {
        // 1 ms: starting bash and the stages and loading the dictionaries takes tens of ms even with a warm page cache
        // (50 ms was once beaten on a warm machine), so the first request cannot make it.
        ApertiumTestSupport.RequireInstalled();
        await using var translator = new ApertiumTranslator(new ApertiumOptions { RequestTimeout = TimeSpan.FromMilliseconds(1) });

        Func<Task> act = () => ApertiumTestSupport.TranslateAllAsync(translator, "The cat is on the table.", "en", "es")
            .WaitAsync(ApertiumTestSupport.Timeout);

        (await act.Should().ThrowAsync<TranslationException>()).Which.Kind.Should().Be(TranslationFailureKind.Timeout);
        await WaitUntilAsync(() => translator.WarmProcessId("en", "es") is null);
    }

    [Fact]
    public async Task DisposeAsync_StopsTheWarmProcess()
    {
        ApertiumTestSupport.RequireInstalled();
        var translator = new ApertiumTranslator();
        await ApertiumTestSupport.TranslateAsync(translator, "The cat is on the table.", "en", "es");
        using Process process = Process.GetProcessById(translator.WarmProcessId("en", "es")!.Value);

        await translator.DisposeAsync();

        await process.WaitForExitAsync().WaitAsync(ApertiumTestSupport.Timeout);
        process.HasExited.Should().BeTrue();
        Func<Task> act = () => ApertiumTestSupport.TranslateAllAsync(translator, "Hello", "en", "es");
        await act.Should().ThrowAsync<ObjectDisposedException>();
    }

    /// <summary>
    /// SIGKILL to bash and every stage at once, found through /proc/PID/task/PID/children. Process.Kill(entireProcessTree)
    /// took ~1.6 s here, long enough for a cold pipeline to finish the request the test means to interrupt.
    /// </summary>
    private static void KillTreeNow(int pid)
    {
        var all = new List<int>();
        var pending = new Stack<int>([pid]);
        while (pending.TryPop(out int next))
        {
            all.Add(next);
            string children = $"/proc/{next}/task/{next}/children";
            if (File.Exists(children))
            {
                foreach (string child in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    pending.Push(int.Parse(child, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        foreach (int id in all)
        {
            try
            {
                using Process process = Process.GetProcessById(id);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(ApertiumTestSupport.Timeout);
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
