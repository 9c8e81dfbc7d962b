using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Captions.Engine.Audio;
using Captions.Engine.Pipeline;
using Captions.Engine.Speech;
using Captions.Engine.Timing;
using Captions.Engine.Vad;

namespace Captions.Engine.Stages;

/// <summary>
/// Scores every audio frame with a <see cref="IVoiceActivityDetector"/>, segments with a <see cref="SpeechSegmenter"/>
/// and forwards only speech (with its pre-roll) to the recogniser, as <see cref="SpeechFrame"/>s with utterance
/// boundaries. Silence is released here, so the recogniser never spends time on it.
/// Threading model: owns the detector and segmenter; runs on the stage task. Allocates nothing per frame.
/// </summary>
public sealed class VadStage
{
    private readonly IVoiceActivityDetector _detector;
    private readonly SpeechSegmenter _segmenter;
    private readonly PipelineClock _clock;
    private readonly AudioFrame[] _ring;
    private int _ringStart;
    private int _ringCount;
    private long _busyTicks;

    public VadStage(IVoiceActivityDetector detector, SpeechSegmenter segmenter, PipelineClock clock)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(clock);
        _detector = detector;
        _segmenter = segmenter;
        _clock = clock;
        _ring = new AudioFrame[Math.Max(1, segmenter.MaxPreRollFrames)];
    }

    /// <summary>Frames scored so far.</summary>
    public long Frames { get; private set; }

    /// <summary>Utterances opened so far.</summary>
    public long Utterances { get; private set; }

    /// <summary>Time spent scoring and segmenting frames (compute only, not waiting for input): the VAD's cost.</summary>
    public TimeSpan BusyTime => Stopwatch.GetElapsedTime(0, _busyTicks);

    public async Task RunAsync(ChannelReader<AudioFrame> input, PipelineEdge<SpeechFrame> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var lastEnd = TimeSpan.Zero;
        LatencyStamps lastStamps = default;
        try
        {
            while (await input.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (input.TryRead(out var frame))
                {
                    Frames++;
                    var busy = Stopwatch.GetTimestamp();
                    var probability = _detector.Process(frame.Samples);
                    frame = frame.WithStamps(frame.Stamps.WithVad(_clock.Now()));
                    lastEnd = frame.End;
                    lastStamps = frame.Stamps;
                    var decision = _segmenter.Push(probability);
                    _busyTicks += Stopwatch.GetTimestamp() - busy;
                    switch (decision.Kind)
                    {
                        case SegmenterEventKind.None:
                            Remember(frame);
                            break;

                        case SegmenterEventKind.SpeechStarted:
                            Utterances++;
                            await StartUtteranceAsync(frame, decision.PreRollFrames, output, cancellationToken).ConfigureAwait(false);
                            break;

                        case SegmenterEventKind.SpeechContinues:
                            await WriteAsync(SpeechFrame.Continue(frame), output, cancellationToken).ConfigureAwait(false);
                            break;

                        case SegmenterEventKind.SpeechEnded:
                            await WriteAsync(SpeechFrame.Continue(frame), output, cancellationToken).ConfigureAwait(false);
                            await output.WriteAsync(SpeechFrame.End(frame.End, frame.Stamps), cancellationToken).ConfigureAwait(false);
                            break;

                        default:
                            frame.Release();
                            throw new InvalidOperationException($"unknown segmenter event {decision.Kind}");
                    }
                }
            }

            // End of stream inside speech (file ends mid-word, or Ctrl+C): close the utterance so it commits.
            if (_segmenter.IsInSpeech)
            {
                await output.WriteAsync(SpeechFrame.End(lastEnd, lastStamps), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ReleaseRing();
        }
    }

    // Pooled: this await suspends whenever the next edge is full, once per frame under backpressure.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask StartUtteranceAsync(AudioFrame current, int preRollFrames, PipelineEdge<SpeechFrame> output, CancellationToken cancellationToken)
    {
        // Pre-roll is the newest preRollFrames of the ring; anything older is not part of the utterance.
        var take = Math.Min(preRollFrames, _ringCount);
        while (_ringCount > take)
        {
            Dequeue().Release();
        }

        var first = true;
        while (_ringCount > 0)
        {
            var frame = Dequeue();
            await WriteAsync(first ? SpeechFrame.Start(frame) : SpeechFrame.Continue(frame), output, cancellationToken).ConfigureAwait(false);
            first = false;
        }

        await WriteAsync(first ? SpeechFrame.Start(current) : SpeechFrame.Continue(current), output, cancellationToken).ConfigureAwait(false);
    }

    // Pooled: this await suspends whenever the next edge is full, once per frame under backpressure.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask WriteAsync(SpeechFrame item, PipelineEdge<SpeechFrame> output, CancellationToken cancellationToken)
    {
        try
        {
            if (!await output.WriteAsync(item, cancellationToken).ConfigureAwait(false))
            {
                // A dropping edge already released it through its release callback.
                return;
            }
        }
        catch (OperationCanceledException)
        {
            item.Release();
            throw;
        }
    }

    private void Remember(AudioFrame frame)
    {
        if (_ringCount == _ring.Length)
        {
            Dequeue().Release();
        }

        _ring[(_ringStart + _ringCount) % _ring.Length] = frame;
        _ringCount++;
    }

    private AudioFrame Dequeue()
    {
        var frame = _ring[_ringStart];
        _ring[_ringStart] = default;
        _ringStart = (_ringStart + 1) % _ring.Length;
        _ringCount--;
        return frame;
    }

    private void ReleaseRing()
    {
        while (_ringCount > 0)
        {
            Dequeue().Release();
        }
    }
}
