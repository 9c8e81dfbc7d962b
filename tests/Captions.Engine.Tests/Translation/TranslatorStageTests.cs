using System.Threading.Channels;
using Captions.Engine.Captioning;
using Captions.Engine.Pipeline;
using Captions.Engine.Timing;
using Captions.Engine.Translation;
using Captions.TestKit.Logging;
using Captions.TestKit.Time;
using Captions.TestKit.Translation;
using Microsoft.Extensions.Logging;

namespace Captions.Engine.Tests.Translation;

public sealed class TranslatorStageTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Committed_Line_CommittedVersionCarriesTheTranslationAndKeepsTheLineContract()
    {
        await using var run = new StageRun(new ScriptedTranslator());

        run.Send(Line(1, CaptionState.Partial, "hello"));
        run.Send(Line(1, CaptionState.Committed, "hello world"));
        var lines = await run.CompleteAsync();

        lines.Should().NotBeEmpty();
        lines[^1].State.Should().Be(CaptionState.Committed);
        lines[^1].Translation.Should().Be("es:hello es:world");
        lines[^1].Stamps.Mt.Should().NotBe(0, "a translated version is stamped with the translation time");
        lines.Select(l => l.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        lines.Count(l => l.State == CaptionState.Committed).Should().Be(1);
        lines[0].Should().Match<CaptionLine>(l => l.State == CaptionState.Partial && l.Text == "hello" && l.Translation == null,
            "a partial is passed on at once, before any translation exists");
    }

    [Fact]
    public async Task FirstTranslation_Streams_InWholeWordsBeforeTheRestArrives()
    {
        var gates = new Queue<TaskCompletionSource>();
        var translator = new ScriptedTranslator
        {
            BeforeEachWord = _ =>
            {
                var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                lock (gates)
                {
                    gates.Enqueue(gate);
                }

                return gate.Task;
            },
        };
        await using var run = new StageRun(translator);

        run.Send(Line(1, CaptionState.Committed, "one two three"));
        var first = await run.NextAsync();
        Release(gates);
        var second = await run.NextAsync();
        Release(gates);
        var committed = await run.NextAsync();

        first.Should().Match<CaptionLine>(l => l.State == CaptionState.Partial && l.Translation == "es:one");
        second.Should().Match<CaptionLine>(l => l.State == CaptionState.Partial && l.Translation == "es:one es:two");
        committed.Should().Match<CaptionLine>(l => l.State == CaptionState.Committed && l.Translation == "es:one es:two es:three");
    }

    [Fact]
    public async Task Partial_NewWordsWhileTranslating_CancelsTheStaleRequest()
    {
        var translator = new ScriptedTranslator { Hang = true };
        await using var run = new StageRun(translator, o => o with { PartialInterval = TimeSpan.Zero });

        run.Send(Line(1, CaptionState.Partial, "good"));
        await run.NextAsync();
        await run.WaitForCallsAsync(1);
        run.Send(Line(1, CaptionState.Partial, "good morning"));
        await run.NextAsync();
        await run.WaitForCallsAsync(2);

        translator.Calls[0].WasCancelled.Should().BeTrue("latest wins: the answer for 'good' would be stale");
        translator.Calls[1].WasCancelled.Should().BeFalse();
        translator.Calls[1].Request.Should().Match<TranslationRequest>(r => r.Text == "good morning" && r.IsPartial);
    }

    [Fact]
    public async Task Partial_OnlyCaseOrPunctuationChanged_IsNotTranslatedAgain()
    {
        var translator = new ScriptedTranslator();
        await using var run = new StageRun(translator, o => o with { PartialInterval = TimeSpan.Zero });

        run.Send(Line(1, CaptionState.Partial, "good morning"));
        await run.NextAsync();
        await NextWhereAsync(run, l => l.Translation == "es:good es:morning");
        run.Send(Line(1, CaptionState.Partial, "Good morning."));
        var unchanged = await run.NextAsync();

        unchanged.Translation.Should().Be("es:good es:morning", "the line keeps its translation");
        translator.Calls.Should().HaveCount(1, "the words did not change");
    }

    [Fact]
    public async Task Partial_WithinTheInterval_WaitsForTheIntervalThenTranslatesTheLatestText()
    {
        var translator = new ScriptedTranslator();
        await using var run = new StageRun(translator, o => o with { PartialInterval = TimeSpan.FromMilliseconds(600) });

        run.Send(Line(1, CaptionState.Partial, "one"));
        await NextWhereAsync(run, l => l.Translation == "es:one");
        run.Send(Line(1, CaptionState.Partial, "one two"));
        await run.NextAsync();
        run.Send(Line(1, CaptionState.Partial, "one two three"));
        await run.NextAsync();
        translator.Calls.Should().HaveCount(1, "600 ms have not passed since the last partial request");

        await run.AdvanceUntilCallsAsync(TimeSpan.FromMilliseconds(600), 2);

        translator.Calls.Select(c => c.Request.Text).Should().Equal("one", "one two three");
    }

    [Fact]
    public async Task Committed_TranslatorFails_CommitsSourceMarkedUntranslatedAndLogsOncePerKind()
    {
        var translator = new ScriptedTranslator
        {
            Fail = _ => new TranslationException(TranslationFailureKind.Unreachable, "http://127.0.0.1:9 refused the connection"),
        };
        var log = new ListLogger();
        await using var run = new StageRun(translator, logger: log);

        run.Send(Line(1, CaptionState.Committed, "first line"));
        var first = await run.NextAsync();
        run.Send(Line(2, CaptionState.Committed, "second line"));
        var second = await run.NextAsync();
        translator.Fail = _ => null;
        run.Send(Line(3, CaptionState.Committed, "third line"));
        var third = await DrainCommittedAsync(run);

        first.Should().Match<CaptionLine>(l => l.IsCommitted && l.Untranslated && l.Translation == null && l.Text == "first line");
        second.Untranslated.Should().BeTrue();
        third.Should().Match<CaptionLine>(l => !l.Untranslated && l.Translation == "es:third es:line", "recovery as soon as the endpoint is back");
        log.Messages.Count(m => m.Contains("Unreachable", StringComparison.Ordinal)).Should().Be(1, "one log line per failure kind, not one per caption");
        log.Messages.Should().Contain(m => m.Contains("recovered", StringComparison.Ordinal));
        run.Stage.Failures.Should().Be(2);
    }

    [Fact]
    public async Task Committed_TranslatorHangs_CommitsUntranslatedWhenTheBudgetRunsOut()
    {
        var translator = new ScriptedTranslator { Hang = true };
        await using var run = new StageRun(translator, o => o with { CommittedTimeout = TimeSpan.FromSeconds(2) });

        run.Send(Line(1, CaptionState.Committed, "are you there"));
        await run.WaitForCallsAsync(1);
        var pending = run.NextAsync();
        pending.IsCompleted.Should().BeFalse("the committed line waits for its translation");
        run.Time.Advance(TimeSpan.FromSeconds(2));
        var line = await pending;

        line.Should().Match<CaptionLine>(l => l.IsCommitted && l.Untranslated && l.Text == "are you there");
        translator.Calls[0].WasCancelled.Should().BeTrue("the request is abandoned, not left running");
    }

    [Fact]
    public async Task Committed_RepeatedText_IsServedFromTheCache()
    {
        var translator = new ScriptedTranslator();
        await using var run = new StageRun(translator);

        run.Send(Line(1, CaptionState.Committed, "Emergency exit"));
        var first = await DrainCommittedAsync(run);
        run.Send(Line(2, CaptionState.Committed, "emergency  EXIT"));
        var repeat = await run.NextAsync();

        repeat.Should().Match<CaptionLine>(l => l.IsCommitted && l.Translation == first.Translation);
        translator.Calls.Should().HaveCount(1);
        run.Stage.Cache.Hits.Should().Be(1);
    }

    [Fact]
    public async Task Committed_Request_CarriesRecentCommittedLinesAsContextAndMatchingGlossaryTerms()
    {
        var translator = new ScriptedTranslator();
        var glossary = new Glossary([new("Quark", "Quark (gafas)"), new("Ana", "Ana")]);
        await using var run = new StageRun(translator, o => o with { ContextLines = 2, Glossary = glossary, TranslatePartials = false });

        foreach (var (id, text) in new[] { (1L, "one"), (2L, "two"), (3L, "three"), (4L, "the Quark glasses, banana") })
        {
            run.Send(Line(id, CaptionState.Committed, text));
            await DrainCommittedAsync(run);
        }

        var last = translator.Calls[^1].Request;
        last.Context.Should().Equal("two", "three");
        last.Glossary.Should().ContainKey("Quark").And.HaveCount(1, "'Ana' inside 'banana' is not the name Ana");
    }

    private static Task<CaptionLine> DrainCommittedAsync(StageRun run) => NextWhereAsync(run, l => l.IsCommitted);

    private static async Task<CaptionLine> NextWhereAsync(StageRun run, Func<CaptionLine, bool> predicate)
    {
        while (true)
        {
            var line = await run.NextAsync();
            if (predicate(line))
            {
                return line;
            }
        }
    }

    private static void Release(Queue<TaskCompletionSource> gates)
    {
        var spin = new SpinWait();
        while (true)
        {
            lock (gates)
            {
                if (gates.TryDequeue(out var gate))
                {
                    gate.SetResult();
                    return;
                }
            }

            spin.SpinOnce();
        }
    }

    private static CaptionLine Line(long id, CaptionState state, string text) =>
        new(id, 0, state, text, TimeSpan.Zero, TimeSpan.FromSeconds(1), [], new LatencyStamps { Captured = 1 });

    private sealed class StageRun : IAsyncDisposable
    {
        private readonly Channel<CaptionLine> _input = Channel.CreateUnbounded<CaptionLine>();
        private readonly PipelineEdge<CaptionLine> _output;
        private readonly ScriptedTranslator _translator;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _running;

        public StageRun(ScriptedTranslator translator, Func<TranslatorStageOptions, TranslatorStageOptions>? configure = null, ILogger? logger = null)
        {
            _translator = translator;
            Time = new ManualTimeProvider();
            var clock = new PipelineClock(Time);
            var options = new TranslatorStageOptions { TargetLanguage = "es", SourceLanguage = "en" };
            Stage = new TranslatorStage(translator, configure?.Invoke(options) ?? options, clock, logger);
            _output = new PipelineBuilder(clock).AddEdge<CaptionLine>(EdgeOptions.Messages("translated", 1000));
            _running = Task.Run(() => Stage.RunAsync(_input.Reader, _output, _stop.Token));
        }

        public ManualTimeProvider Time { get; }

        public TranslatorStage Stage { get; }

        public void Send(CaptionLine line) => _input.Writer.TryWrite(line).Should().BeTrue();

        public async Task<CaptionLine> NextAsync()
        {
            var read = _output.Reader.ReadAsync().AsTask();
            var done = await Task.WhenAny(read, _running, Task.Delay(s_timeout)).ConfigureAwait(false);
            if (done != read && done == _running)
            {
                await _running.ConfigureAwait(false); // surfaces the stage's exception
            }

            return await read.WaitAsync(s_timeout).ConfigureAwait(false);
        }

        public async Task WaitForCallsAsync(int count)
        {
            var deadline = Task.Delay(s_timeout);
            while (_translator.Calls.Count < count && !deadline.IsCompleted)
            {
                await Task.Delay(1).ConfigureAwait(false);
            }

            _translator.Calls.Should().HaveCountGreaterThanOrEqualTo(count);
        }

        /// <summary>Advances the clock once the stage armed its timer, then waits for the translator call it triggers.</summary>
        public async Task AdvanceUntilCallsAsync(TimeSpan by, int count)
        {
            var deadline = Task.Delay(s_timeout);
            while (Time.ActiveTimers == 0 && !deadline.IsCompleted)
            {
                await Task.Delay(1).ConfigureAwait(false);
            }

            Time.Advance(by);
            await WaitForCallsAsync(count).ConfigureAwait(false);
        }

        public async Task<List<CaptionLine>> CompleteAsync()
        {
            _input.Writer.Complete();
            await _running.WaitAsync(s_timeout).ConfigureAwait(false);
            _output.TryComplete();
            var lines = new List<CaptionLine>();
            await foreach (var line in _output.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                lines.Add(line);
            }

            return lines;
        }

        public async ValueTask DisposeAsync()
        {
            _input.Writer.TryComplete();
            await _stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await _running.WaitAsync(s_timeout).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            _stop.Dispose();
        }
    }
}
