using Captions.Engine.Audio;
using Captions.Engine.Vad;

namespace Captions.Engine.Tests.Vad;

/// <summary>
/// One utterance as the VAD stage would build it, in frame indices (end exclusive). <see cref="OnsetFrame"/> is the
/// first frame that confirmed speech: frames from <see cref="StartFrame"/> to it are pre-roll padding.
/// </summary>
internal sealed record RecordedUtterance(int StartFrame, int OnsetFrame, int EndFrame, int TrailingFrames, SpeechEndReason Reason)
{
    public int Length => EndFrame - StartFrame;

    /// <summary>First frame after the speech itself (before the hangover silence).</summary>
    public int SpeechEndFrame => EndFrame - TrailingFrames;
}

/// <summary>
/// Follows the <see cref="SpeechSegmenter"/> contract exactly as the VAD stage does and records which frames went
/// to which utterance, checking the contract on the way (no frame sent twice, pre-roll within the ring).
/// </summary>
internal sealed class UtteranceRecorder
{
    private readonly SpeechSegmenter _segmenter;
    private readonly List<RecordedUtterance> _utterances = [];
    private int _frame;
    private int _openStart = -1;
    private int _openOnset = -1;
    private int _lastSentFrame = -1;

    public UtteranceRecorder(SpeechSegmenter segmenter) => _segmenter = segmenter;

    public IReadOnlyList<RecordedUtterance> Utterances => _utterances;

    public int SpeechFrames => _utterances.Sum(u => u.Length);

    public static IReadOnlyList<RecordedUtterance> Run(IVoiceActivityDetector detector, SpeechSegmenter segmenter, float[] samples)
    {
        var recorder = new UtteranceRecorder(segmenter);
        for (int offset = 0; offset + AudioFormat.FrameSamples <= samples.Length; offset += AudioFormat.FrameSamples)
        {
            recorder.Push(detector.Process(samples.AsSpan(offset, AudioFormat.FrameSamples)));
        }

        recorder.Complete();
        return recorder.Utterances;
    }

    public SegmenterEvent Push(float probability)
    {
        var e = _segmenter.Push(probability);
        switch (e.Kind)
        {
            case SegmenterEventKind.SpeechStarted:
                _openStart.Should().Be(-1, $"frame {_frame} started speech while an utterance was open");
                e.PreRollFrames.Should().BeLessThanOrEqualTo(_segmenter.MaxPreRollFrames, "pre-roll must fit the stage's ring");
                _openStart = _frame - e.PreRollFrames;
                _openOnset = _frame - Math.Min(e.PreRollFrames, _segmenter.MinSpeechFrames - 1);
                _openStart.Should().BeGreaterThan(_lastSentFrame, $"frame {_frame}: pre-roll reaches into frames already sent");
                _openStart.Should().BeGreaterThanOrEqualTo(0);
                break;
            case SegmenterEventKind.SpeechContinues:
                _openStart.Should().BeGreaterThanOrEqualTo(0, $"frame {_frame} continued speech with no open utterance");
                break;
            case SegmenterEventKind.SpeechEnded:
                _openStart.Should().BeGreaterThanOrEqualTo(0, $"frame {_frame} ended speech with no open utterance");
                _utterances.Add(new RecordedUtterance(_openStart, _openOnset, _frame + 1, e.TrailingFrames, e.EndReason));
                _openStart = -1;
                break;
        }

        _segmenter.IsInSpeech.Should().Be(e.Kind is SegmenterEventKind.SpeechStarted or SegmenterEventKind.SpeechContinues);
        if (e.IsSpeechFrame)
        {
            _lastSentFrame = _frame;
        }

        _frame++;
        return e;
    }

    /// <summary>End of stream: close the open utterance, as the stage does.</summary>
    public void Complete()
    {
        if (_segmenter.IsInSpeech)
        {
            _utterances.Add(new RecordedUtterance(_openStart, _openOnset, _frame, 0, SpeechEndReason.None));
            _openStart = -1;
        }
    }
}
