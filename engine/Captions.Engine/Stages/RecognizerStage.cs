using System.Threading.Channels;
using Captions.Engine.Captioning;
using Captions.Engine.Pipeline;
using Captions.Engine.Speech;
using Captions.Engine.Timing;

namespace Captions.Engine.Stages;

/// <summary>
/// Turns speech frames into caption line versions: one line per utterance, partial versions while it runs and one
/// committed version at its end. Stamps: captured/vad come from the newest audio frame the version includes, asr is
/// when the version was produced.
/// Threading model: owns the recogniser; calls it only from the stage task.
/// </summary>
public sealed class RecognizerStage
{
    private readonly ISpeechRecognizer _recognizer;
    private readonly PipelineClock _clock;
    private readonly PipelineMetrics? _metrics;
    private long _nextId;

    public RecognizerStage(ISpeechRecognizer recognizer, PipelineClock clock, PipelineMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(clock);
        _recognizer = recognizer;
        _clock = clock;
        _metrics = metrics;
    }

    public async Task RunAsync(ChannelReader<SpeechFrame> input, PipelineEdge<CaptionLine> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var utterance = new UtteranceState();
        while (await input.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (input.TryRead(out var item))
            {
                CaptionLine? line;
                try
                {
                    line = Process(item, ref utterance);
                }
                finally
                {
                    item.Release();
                }

                if (line is not null)
                {
                    await output.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        // The stream ended inside an utterance (end of file, or Ctrl+C): commit what was heard.
        if (utterance.Active)
        {
            var last = Finish(ref utterance, utterance.LastStamps);
            if (last is not null)
            {
                await output.WriteAsync(last, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private CaptionLine? Process(in SpeechFrame item, ref UtteranceState utterance)
    {
        switch (item.Kind)
        {
            case SpeechFrameKind.Start:
                if (utterance.Active)
                {
                    // A start without an end (should not happen): close the previous line first, losing nothing.
                    var closed = Finish(ref utterance, utterance.LastStamps);
                    Begin(ref utterance, item);
                    Feed(ref utterance, item);
                    return closed;
                }

                Begin(ref utterance, item);
                return Feed(ref utterance, item);

            case SpeechFrameKind.Continue:
                if (!utterance.Active)
                {
                    Begin(ref utterance, item);
                }

                return Feed(ref utterance, item);

            case SpeechFrameKind.End:
                return utterance.Active ? Finish(ref utterance, item.Frame.Stamps) : null;

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

    private CaptionLine? Feed(ref UtteranceState utterance, in SpeechFrame item)
    {
        utterance.LastStamps = item.Frame.Stamps;
        var hypothesis = _recognizer.AcceptAudio(item.Frame.Samples);
        if (hypothesis is null || hypothesis.Text.Length == 0)
        {
            return null;
        }

        utterance.Versions++;
        return MakeLine(utterance, CaptionState.Partial, hypothesis, item.Frame.Stamps);
    }

    private CaptionLine? Finish(ref UtteranceState utterance, LatencyStamps stamps)
    {
        var hypothesis = _recognizer.EndUtterance();
        var shown = utterance.Versions > 0;
        utterance.Active = false;

        // An utterance that never showed text and ends empty (a cough, a door) leaves no trace. One that showed
        // partial text ends with a committed version even if empty, so every shown line is closed.
        if (hypothesis.Text.Length == 0 && !shown)
        {
            return null;
        }

        utterance.Versions++;
        return MakeLine(utterance, CaptionState.Committed, hypothesis, stamps);
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
