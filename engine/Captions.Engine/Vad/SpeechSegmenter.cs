namespace Captions.Engine.Vad;

/// <summary>
/// Turns per-frame speech probabilities (from any <see cref="IVoiceActivityDetector"/>) into utterances, with
/// hysteresis, a minimum speech duration, hangover, pre-roll padding and a maximum utterance length.
/// </summary>
/// <remarks>
/// <para>Contract for the VAD stage, per frame in stream order:</para>
/// <list type="number">
/// <item>Keep the last <see cref="MaxPreRollFrames"/> frames in a ring (frames that got <see cref="SegmenterEventKind.None"/>
/// may become pre-roll).</item>
/// <item>Score the frame, call <see cref="Push"/>, then act on the event:
/// <see cref="SegmenterEventKind.None"/>: the frame stays in the ring only.
/// <see cref="SegmenterEventKind.SpeechStarted"/>: open an utterance, send the newest
/// <see cref="SegmenterEvent.PreRollFrames"/> ring frames (oldest first), then this frame.
/// <see cref="SegmenterEventKind.SpeechContinues"/>: send this frame.
/// <see cref="SegmenterEventKind.SpeechEnded"/>: send this frame, then close the utterance.</item>
/// <item>At end of stream, if <see cref="IsInSpeech"/>, close the open utterance.</item>
/// </list>
/// <para>Every frame is sent to at most one utterance; utterances never overlap. An utterance is at most
/// <see cref="MaxUtteranceFrames"/> frames, pre-roll and hangover included.</para>
/// <para>Threading model: not thread-safe; owned by one VAD stage. Allocates nothing per frame.</para>
/// </remarks>
public sealed class SpeechSegmenter
{
    private readonly float _enterThreshold;
    private readonly float _exitThreshold;

    private State _state;
    private int _candidateFrames;   // consecutive frames >= enter while onset is pending
    private int _freeFrames;        // frames before the current one that belong to no utterance (capped)
    private int _utteranceFrames;   // frames in the open utterance so far
    private int _silentRun;         // consecutive frames < exit inside the open utterance
    private bool _resumeAfterSplit; // the last utterance was cut at MaxUtterance: resume without re-confirming

    public SpeechSegmenter(SpeechSegmenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FrameDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FrameDuration, "FrameDuration must be positive.");
        }

        if (!(options.EnterThreshold > 0f && options.EnterThreshold <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.EnterThreshold, "EnterThreshold must be in (0, 1].");
        }

        if (!(options.ExitThreshold >= 0f && options.ExitThreshold <= options.EnterThreshold))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.ExitThreshold, $"ExitThreshold must be in [0, EnterThreshold = {options.EnterThreshold}].");
        }

        Options = options;
        _enterThreshold = options.EnterThreshold;
        _exitThreshold = options.ExitThreshold;
        MinSpeechFrames = Math.Max(1, ToFrames(options.MinSpeech, options.FrameDuration, nameof(options.MinSpeech)));
        HangoverFrames = Math.Max(1, ToFrames(options.Hangover, options.FrameDuration, nameof(options.Hangover)));
        PreRollPaddingFrames = ToFrames(options.PreRoll, options.FrameDuration, nameof(options.PreRoll));
        MaxUtteranceFrames = ToFrames(options.MaxUtterance, options.FrameDuration, nameof(options.MaxUtterance));
        if (MaxUtteranceFrames <= MaxPreRollFrames + 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.MaxUtterance,
                $"MaxUtterance ({MaxUtteranceFrames} frames) must be longer than MinSpeech + PreRoll ({MaxPreRollFrames + 1} frames).");
        }
    }

    public SpeechSegmenter()
        : this(new SpeechSegmenterOptions())
    {
    }

    public SpeechSegmenterOptions Options { get; }

    public int MinSpeechFrames { get; }

    public int HangoverFrames { get; }

    public int PreRollPaddingFrames { get; }

    public int MaxUtteranceFrames { get; }

    /// <summary>
    /// Most frames a <see cref="SegmenterEventKind.SpeechStarted"/> event can reach back: the ring the stage keeps
    /// must hold at least this many frames before the current one.
    /// </summary>
    public int MaxPreRollFrames => MinSpeechFrames - 1 + PreRollPaddingFrames;

    /// <summary>True while an utterance is open (between SpeechStarted and SpeechEnded).</summary>
    public bool IsInSpeech => _state == State.Speech;

    /// <summary>Classifies the next frame from its speech probability (0..1).</summary>
    public SegmenterEvent Push(float probability)
    {
        if (_state == State.Speech)
        {
            return PushInSpeech(probability);
        }

        if (_resumeAfterSplit)
        {
            // The previous utterance was cut at MaxUtterance, not ended by a pause: keep the speech flowing into a new
            // utterance without re-confirming onset, which would drop MinSpeech frames of a running sentence.
            _resumeAfterSplit = false;
            if (probability >= _exitThreshold)
            {
                return StartUtterance(preRollFrames: 0);
            }
        }

        if (probability >= _enterThreshold)
        {
            _candidateFrames++;
            if (_candidateFrames >= MinSpeechFrames)
            {
                int confirming = _candidateFrames - 1;
                int padding = Math.Min(PreRollPaddingFrames, _freeFrames - confirming);
                return StartUtterance(confirming + padding);
            }

            _state = State.Pending;
        }
        else
        {
            _candidateFrames = 0;
            _state = State.Silence;
        }

        // Capped: pre-roll never needs more than MaxPreRollFrames.
        _freeFrames = Math.Min(_freeFrames + 1, MaxPreRollFrames);
        return SegmenterEvent.None;
    }

    /// <summary>Forgets all state (a new stream begins). An open utterance is dropped: close it first.</summary>
    public void Reset()
    {
        _state = State.Silence;
        _candidateFrames = 0;
        _freeFrames = 0;
        _utteranceFrames = 0;
        _silentRun = 0;
        _resumeAfterSplit = false;
    }

    private SegmenterEvent PushInSpeech(float probability)
    {
        _utteranceFrames++;
        _silentRun = probability < _exitThreshold ? _silentRun + 1 : 0;
        if (_silentRun >= HangoverFrames)
        {
            return EndUtterance(SpeechEndReason.Silence);
        }

        if (_utteranceFrames >= MaxUtteranceFrames)
        {
            // Resume at once only if the cut fell inside speech, not inside a pause that is already running.
            _resumeAfterSplit = _silentRun == 0;
            return EndUtterance(SpeechEndReason.MaxLength);
        }

        return SegmenterEvent.Continues;
    }

    private SegmenterEvent StartUtterance(int preRollFrames)
    {
        _state = State.Speech;
        _candidateFrames = 0;
        _freeFrames = 0;
        _utteranceFrames = preRollFrames + 1;
        _silentRun = 0;
        return SegmenterEvent.Started(preRollFrames);
    }

    private SegmenterEvent EndUtterance(SpeechEndReason reason)
    {
        int trailing = _silentRun;
        _state = State.Silence;
        _candidateFrames = 0;
        _freeFrames = 0;
        _utteranceFrames = 0;
        _silentRun = 0;
        return SegmenterEvent.Ended(trailing, reason);
    }

    private static int ToFrames(TimeSpan duration, TimeSpan frameDuration, string name)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, duration, $"{name} must not be negative.");
        }

        return checked((int)((duration.Ticks + frameDuration.Ticks - 1) / frameDuration.Ticks));
    }

    private enum State
    {
        Silence,
        Pending,
        Speech,
    }
}
