using System.Text;
using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Engine.Speech;

namespace Captions.Speech.Whisper;

/// <summary>
/// Streaming captions from an offline Whisper decoder, after ufal/whisper_streaming: every <see cref="CurrentStep"/> of
/// new audio the whole utterance buffer is decoded again, prompted with committed text; words on which two consecutive
/// decodes agree (LocalAgreement-2) are committed and never change, the rest is shown as a partial. The buffer is
/// trimmed at committed segment and sentence ends, so it stays bounded however long the utterance.
/// </summary>
/// <remarks>
/// Silence: the VAD stage in front keeps silence out (only speech frames of an utterance reach
/// <see cref="AcceptAudio"/>), which removes most of Whisper's hallucinations at the source; the guards here
/// (<see cref="WhisperStreamingOptions"/>) catch what still gets through.
/// Catch-up: a decode runs at most once per <see cref="AcceptAudio"/> call and covers all audio so far, so a slow
/// decoder never builds a backlog of steps; when a decode takes longer than the step, the step grows to 1.25x the
/// decode's cost (at most <see cref="WhisperStreamingOptions.MaxStep"/>) and shrinks back when decodes are fast.
/// Threading model: not thread-safe; the recogniser stage owns an instance and calls it from one task, as the
/// interface requires. The decoder is owned and disposed with it.
/// </remarks>
public sealed class WhisperStreamingRecognizer : ISpeechRecognizer
{
    private static readonly char[] s_sentenceEnds = ['.', '?', '!', '…', '。', '？', '！'];

    private readonly IWhisperDecoder _decoder;
    private readonly WhisperStreamingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly float[] _buffer = new float[AudioFormat.TimeToSamples(WhisperStreamingOptions.MaxDecodeAudio)];
    private readonly HypothesisBuffer _agreement = new();
    private readonly List<TimedWord> _decoded = [];
    private readonly List<TimedWord> _committed = [];
    private readonly List<TimedWord> _lineWords = [];
    private readonly List<TimedWord> _history = [];
    private readonly List<TimeSpan> _segmentEnds = [];
    private int _bufferLength;
    private long _bufferStartSample;
    private long _samplesSinceDecode;
    private string _lastPartial = string.Empty;
    private int _lastStable;
    private TimeSpan _lineStart;
    private bool _inUtterance;

    public WhisperStreamingRecognizer(IWhisperDecoder decoder, WhisperStreamingOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        options ??= new WhisperStreamingOptions();
        options.Validate();
        _decoder = decoder;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        CurrentStep = options.Step;
    }

    public string Name => "whisper";

    /// <summary>New audio between decodes now (grows when decodes are slower than real time).</summary>
    public TimeSpan CurrentStep { get; private set; }

    /// <summary>Audio held for the next decode.</summary>
    public TimeSpan BufferDuration => AudioFormat.SamplesToTime(_bufferLength);

    /// <summary>Stream time of the buffer's first sample (moves forward as the buffer is trimmed).</summary>
    public TimeSpan BufferStart => AudioFormat.SamplesToTime(_bufferStartSample);

    /// <summary>Decodes run so far.</summary>
    public int Decodes { get; private set; }

    /// <summary>Every word committed by LocalAgreement (or at an utterance end) so far, joined by spaces.</summary>
    public string CommittedText => Join(_history, 0, _history.Count);

    public void StartUtterance(TimeSpan streamTime)
    {
        if (_inUtterance)
        {
            throw new InvalidOperationException("StartUtterance inside an utterance: call EndUtterance first.");
        }

        _inUtterance = true;
        _bufferStartSample = AudioFormat.TimeToSamples(streamTime);
        _bufferLength = 0;
        _samplesSinceDecode = 0;
        _agreement.Reset();
        _lineWords.Clear();
        _lastPartial = string.Empty;
        _lastStable = 0;
        _lineStart = streamTime;
    }

    /// <exception cref="ArgumentException">More than 30 s of audio in one call.</exception>
    public SpeechHypothesis? AcceptAudio(ReadOnlySpan<float> samples, CancellationToken cancellationToken = default)
    {
        EnsureInUtterance();
        if (samples.Length > _buffer.Length)
        {
            throw new ArgumentException($"at most {_buffer.Length} samples (30 s) per call, got {samples.Length}", nameof(samples));
        }

        _committed.Clear();
        if (_bufferLength + samples.Length > _buffer.Length)
        {
            // Whisper's window is full and nothing could be trimmed (no agreement for 30 s): settle what was shown.
            _agreement.CommitAll(_committed);
            Drop(_bufferLength);
        }

        samples.CopyTo(_buffer.AsSpan(_bufferLength));
        _bufferLength += samples.Length;
        _samplesSinceDecode += samples.Length;
        if (_bufferLength >= AudioFormat.TimeToSamples(_options.MinBuffer) && _samplesSinceDecode >= AudioFormat.TimeToSamples(CurrentStep))
        {
            Decode(cancellationToken);
            _agreement.Flush(_committed);
            Trim();
        }

        Remember(_committed);
        var hypothesis = Build(isFinal: false);
        if (hypothesis.Committed is null && hypothesis.StableWords == _lastStable && string.Equals(hypothesis.Text, _lastPartial, StringComparison.Ordinal))
        {
            return null;
        }

        _lastPartial = hypothesis.Text;
        _lastStable = hypothesis.StableWords;
        return hypothesis;
    }

    public SpeechHypothesis EndUtterance(CancellationToken cancellationToken = default)
    {
        EnsureInUtterance();
        _committed.Clear();
        if (_samplesSinceDecode > 0 && _bufferLength > 0)
        {
            Decode(cancellationToken);
            _agreement.Flush(_committed);
        }

        _agreement.CommitAll(_committed);
        Remember(_committed);
        var final = Build(isFinal: true);
        _inUtterance = false;
        _bufferStartSample += _bufferLength;
        _bufferLength = 0;
        _agreement.Reset();
        return final;
    }

    public void Dispose() => _decoder.Dispose();

    private void EnsureInUtterance()
    {
        if (!_inUtterance)
        {
            throw new InvalidOperationException("no utterance in progress: call StartUtterance first.");
        }
    }

    private void Decode(CancellationToken cancellationToken)
    {
        var audio = _buffer.AsSpan(0, _bufferLength);
        var started = _timeProvider.GetTimestamp();
        var result = _decoder.Decode(audio, Prompt(), cancellationToken);
        Adapt(_timeProvider.GetElapsedTime(started));
        Decodes++;
        _samplesSinceDecode = 0;

        _decoded.Clear();
        _segmentEnds.Clear();
        WhisperGuards.AppendWords(result, audio, BufferStart, _options, _decoded);
        foreach (var segment in result.Segments)
        {
            _segmentEnds.Add(BufferStart + segment.End);
        }

        _agreement.Insert(_decoded);
    }

    /// <summary>Grow the step to 1.25x a decode that overran it; shrink towards the configured step when decodes take under half of it.</summary>
    private void Adapt(TimeSpan cost)
    {
        if (cost > CurrentStep)
        {
            CurrentStep = Min(_options.MaxStep, cost * 1.25);
        }
        else if (cost * 2 < CurrentStep)
        {
            CurrentStep = Max(_options.Step, Max(cost * 1.25, CurrentStep * 0.75));
        }
    }

    /// <summary>
    /// whisper_streaming's chunk_completed_segment, with committed sentence ends as cut points too: past
    /// <see cref="WhisperStreamingOptions.TrimThreshold"/>, cut at the latest segment end (not the last segment) or
    /// committed sentence end that lies inside the committed text; past <see cref="WhisperStreamingOptions.MaxBuffer"/>
    /// with no such point, cut at the last committed word.
    /// </summary>
    private void Trim()
    {
        if (BufferDuration <= _options.TrimThreshold || _agreement.CommittedInBuffer.Count == 0)
        {
            return;
        }

        var committedEnd = _agreement.LastCommittedTime;
        var cut = TimeSpan.MinValue;
        for (var i = 0; i < _segmentEnds.Count - 1; i++)
        {
            if (_segmentEnds[i] <= committedEnd && _segmentEnds[i] > cut)
            {
                cut = _segmentEnds[i];
            }
        }

        foreach (var word in _agreement.CommittedInBuffer)
        {
            if (EndsSentence(word.Text) && word.End > cut)
            {
                cut = word.End;
            }
        }

        if (cut <= BufferStart && BufferDuration > _options.MaxBuffer)
        {
            cut = committedEnd;
        }

        if (cut > BufferStart)
        {
            _agreement.PopCommitted(cut);
            Drop((int)Math.Min(_bufferLength, AudioFormat.TimeToSamples(cut) - _bufferStartSample));
        }
    }

    private void Drop(int samples)
    {
        _buffer.AsSpan(samples, _bufferLength - samples).CopyTo(_buffer);
        _bufferLength -= samples;
        _bufferStartSample += samples;
    }

    /// <summary>Committed words whose audio has left the buffer, at most about <see cref="WhisperStreamingOptions.PromptMaxCharacters"/> characters (whisper_streaming's prompt()).</summary>
    private string? Prompt()
    {
        var end = _history.Count;
        while (end > 0 && _history[end - 1].End > BufferStart)
        {
            end--;
        }

        var first = end;
        var length = 0;
        while (first > 0 && length < _options.PromptMaxCharacters)
        {
            first--;
            length += _history[first].Text.Length + 1;
        }

        return first == end ? null : Join(_history, first, end);
    }

    private void Remember(List<TimedWord> committed)
    {
        _lineWords.AddRange(committed);
        _history.AddRange(committed);

        // Only the prompt reads the history: keep a few prompts' worth.
        var keep = Math.Max(64, _options.PromptMaxCharacters);
        if (_history.Count > 2 * keep)
        {
            _history.RemoveRange(0, _history.Count - keep);
        }
    }

    /// <summary>
    /// The current line: confirmed words not yet closed plus the unconfirmed tail. Confirmed words close the line
    /// (<see cref="SpeechHypothesis.Committed"/>) at their last sentence end, or all of them once they reach
    /// <see cref="WhisperStreamingOptions.MaxLineCharacters"/>.
    /// </summary>
    private SpeechHypothesis Build(bool isFinal)
    {
        SpeechHypothesis? committed = null;
        var close = LineCloseCount(isFinal);
        if (close > 0)
        {
            var words = ToTimings(_lineWords, 0, close);
            committed = new SpeechHypothesis(Join(_lineWords, 0, close), IsFinal: true, words, _lineStart, _lineWords[close - 1].End);
            _lineStart = _lineWords[close - 1].End;
            _lineWords.RemoveRange(0, close);
        }

        var shown = new List<TimedWord>(_lineWords);
        var stable = shown.Count;
        if (!isFinal)
        {
            shown.AddRange(_agreement.Unconfirmed);
        }

        // The line runs to the end of the audio heard so far (words may end earlier; the pause is still the line's).
        var end = Max(_lineStart, BufferStart + BufferDuration);
        return new SpeechHypothesis(Join(shown, 0, shown.Count), isFinal, ToTimings(shown, 0, shown.Count), _lineStart, end)
        {
            Committed = committed,
            StableWords = stable,
        };
    }

    /// <summary>How many leading confirmed words close the line now (0: none).</summary>
    private int LineCloseCount(bool isFinal)
    {
        if (_lineWords.Count == 0)
        {
            return 0;
        }

        var sentenceEnd = 0;
        var characters = 0;
        for (var i = 0; i < _lineWords.Count; i++)
        {
            characters += _lineWords[i].Text.Length + (i > 0 ? 1 : 0);
            if (EndsSentence(_lineWords[i].Text))
            {
                sentenceEnd = i + 1;
            }
        }

        if (isFinal)
        {
            // The final closes the rest anyway; split only before a last sentence that is still going.
            return sentenceEnd == _lineWords.Count ? 0 : sentenceEnd;
        }

        return characters >= _options.MaxLineCharacters ? _lineWords.Count : sentenceEnd;
    }

    private static bool EndsSentence(string word) => word.Length > 0 && Array.IndexOf(s_sentenceEnds, word[^1]) >= 0;

    private static List<WordTiming> ToTimings(List<TimedWord> words, int from, int to)
    {
        var timings = new List<WordTiming>(to - from);
        for (var i = from; i < to; i++)
        {
            timings.Add(new WordTiming(words[i].Text, words[i].Start, words[i].End, words[i].Probability));
        }

        return timings;
    }

    private static string Join(List<TimedWord> words, int from, int to)
    {
        var builder = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(words[i].Text);
        }

        return builder.ToString();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
