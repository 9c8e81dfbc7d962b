using System.Diagnostics;
using System.Threading.Channels;
using Captions.Engine.Captioning;
using Captions.Engine.Pipeline;
using Captions.Engine.Speech;
using Captions.Engine.Timing;

namespace Captions.Engine.Stages;

/// <summary>
/// Turns speech frames into caption line versions: one line per utterance, partial versions while it runs and one
/// committed version at its end. A recogniser that settles part of a long utterance early
/// (<see cref="SpeechHypothesis.Committed"/>) closes the line there, and the rest goes on as a new line id. Stamps: captured/vad come from the newest audio frame the version includes, asr is
/// when the version was produced.
/// Threading model: owns the recogniser; calls it only from the stage task. The stage's token reaches the recogniser,
/// so cancelling the pipeline aborts a decode in flight instead of waiting for it.
/// </summary>
public sealed class RecognizerStage
{
    private readonly ISpeechRecognizer _recognizer;
    private readonly PipelineClock _clock;
    private readonly PipelineMetrics? _metrics;
    private long _nextId;
    private long _busyTicks;

    public RecognizerStage(ISpeechRecognizer recognizer, PipelineClock clock, PipelineMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(clock);
        _recognizer = recognizer;
        _clock = clock;
        _metrics = metrics;
    }

    /// <summary>Time spent in the recogniser (feeding audio, ending utterances): the stage's compute cost, waits excluded.</summary>
    public TimeSpan BusyTime => Stopwatch.GetElapsedTime(0, _busyTicks);

    public async Task RunAsync(ChannelReader<SpeechFrame> input, PipelineEdge<CaptionLine> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var utterance = new UtteranceState();
        var lines = new List<CaptionLine>(4);
        while (await input.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (input.TryRead(out var item))
            {
                var busy = Stopwatch.GetTimestamp();
                try
                {
                    Process(item, ref utterance, lines, cancellationToken);
                }
                finally
                {
                    item.Release();
                    _busyTicks += Stopwatch.GetTimestamp() - busy;
                }

                await WriteAllAsync(lines, output, cancellationToken).ConfigureAwait(false);
            }
        }

        // The stream ended inside an utterance (end of file, or Ctrl+C): commit what was heard.
        if (utterance.Active)
        {
            var busy = Stopwatch.GetTimestamp();
            Finish(ref utterance, utterance.LastStamps, lines, cancellationToken);
            _busyTicks += Stopwatch.GetTimestamp() - busy;
            await WriteAllAsync(lines, output, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async ValueTask WriteAllAsync(List<CaptionLine> lines, PipelineEdge<CaptionLine> output, CancellationToken cancellationToken)
    {
        foreach (var line in lines)
        {
            await output.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        }

        lines.Clear();
    }

    private void Process(in SpeechFrame item, ref UtteranceState utterance, List<CaptionLine> lines, CancellationToken cancellationToken)
    {
        switch (item.Kind)
        {
            case SpeechFrameKind.Start:
                if (utterance.Active)
                {
                    // A start without an end (should not happen): close the previous line first, losing nothing.
                    Finish(ref utterance, utterance.LastStamps, lines, cancellationToken);
                }

                Begin(ref utterance, item);
                Feed(ref utterance, item, lines, cancellationToken);
                return;

            case SpeechFrameKind.Continue:
                if (!utterance.Active)
                {
                    Begin(ref utterance, item);
                }

                Feed(ref utterance, item, lines, cancellationToken);
                return;

            case SpeechFrameKind.End:
                if (utterance.Active)
                {
                    Finish(ref utterance, item.Frame.Stamps, lines, cancellationToken);
                }

                return;

            default:
                throw new InvalidOperationException($"unknown speech frame kind {item.Kind}");
        }
    }

    private void Begin(ref UtteranceState utterance, in SpeechFrame item)
    {
        utterance = new UtteranceState
        {
            Active = true,
            Id = ++_nextId,
            Start = item.Frame.Start,
            LastStamps = item.Frame.Stamps,
        };
        _recognizer.StartUtterance(item.Frame.Start);
    }

    private void Feed(ref UtteranceState utterance, in SpeechFrame item, List<CaptionLine> lines, CancellationToken cancellationToken)
    {
        utterance.LastStamps = item.Frame.Stamps;
        var hypothesis = _recognizer.AcceptAudio(item.Frame.Samples, cancellationToken);
        if (hypothesis is null)
        {
            return;
        }

        CommitPrefix(ref utterance, hypothesis, item.Frame.Stamps, lines);
        if (hypothesis.Text.Length == 0)
        {
            return;
        }

        utterance.Versions++;
        lines.Add(MakeLine(utterance, CaptionState.Partial, hypothesis, item.Frame.Stamps));
    }

    private void Finish(ref UtteranceState utterance, LatencyStamps stamps, List<CaptionLine> lines, CancellationToken cancellationToken)
    {
        var hypothesis = _recognizer.EndUtterance(cancellationToken);
        CommitPrefix(ref utterance, hypothesis, stamps, lines);
        utterance.Active = false;

        // An utterance that never showed text and ends empty (a cough, a door) leaves no trace. One that showed
        // partial text ends with a committed version even if empty, so every shown line is closed.
        if (hypothesis.Text.Length == 0 && utterance.Versions == 0)
        {
            return;
        }

        utterance.Versions++;
        lines.Add(MakeLine(utterance, CaptionState.Committed, hypothesis, stamps));
    }

    /// <summary>
    /// A recogniser settled part of the utterance: close the current line with it and open a new line id for the
    /// rest, which starts where the settled part ended.
    /// </summary>
    private void CommitPrefix(ref UtteranceState utterance, SpeechHypothesis hypothesis, LatencyStamps stamps, List<CaptionLine> lines)
    {
        if (hypothesis.Committed is not { } committed)
        {
            return;
        }

        if (committed.Text.Length > 0 || utterance.Versions > 0)
        {
            utterance.Versions++;
            lines.Add(MakeLine(utterance, CaptionState.Committed, committed, stamps));
            utterance.Id = ++_nextId;
            utterance.Versions = 0;
        }

        utterance.Start = committed.End > utterance.Start ? committed.End : utterance.Start;
    }

    private CaptionLine MakeLine(in UtteranceState utterance, CaptionState state, SpeechHypothesis hypothesis, LatencyStamps stamps)
    {
        var asr = _clock.Now();
        var lineStamps = stamps.WithAsr(asr);
        if (_metrics is not null && stamps.Captured != 0)
        {
            _metrics.StageLatency.Record(
                _clock.TimeProvider.GetElapsedTime(stamps.Captured, asr).TotalMilliseconds,
                new KeyValuePair<string, object?>("stage", state == CaptionState.Committed ? "asr.commit" : "asr.partial"));
        }

        var start = hypothesis.Words.Count > 0 ? hypothesis.Words[0].Start : utterance.Start;
        var end = hypothesis.End > start ? hypothesis.End : start;
        return new CaptionLine(utterance.Id, utterance.Versions, state, hypothesis.Text, start, end, hypothesis.Words, lineStamps)
        {
            Recognizer = _recognizer.Name,
            StableWords = state == CaptionState.Committed ? hypothesis.Words.Count : Math.Min(hypothesis.StableWords, hypothesis.Words.Count),
        };
    }

    private struct UtteranceState
    {
        public bool Active;
        public long Id;
        public int Versions;
        public TimeSpan Start;
        public LatencyStamps LastStamps;
    }
}
