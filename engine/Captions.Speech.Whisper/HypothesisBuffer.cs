namespace Captions.Speech.Whisper;

/// <summary>
/// LocalAgreement-2 as ufal/whisper_streaming's HypothesisBuffer does it: words of two consecutive hypotheses over a
/// growing buffer are committed while they agree from the start; words already committed are skipped by time (start
/// after the last committed end, with 0.1 s slack) and by content (a 1-5-word overlap with the committed tail, when
/// the new words begin within 1 s of it).
/// </summary>
internal sealed class HypothesisBuffer
{
    private const int MaxOverlapWords = 5;
    private static readonly TimeSpan s_startSlack = TimeSpan.FromSeconds(0.1);
    private static readonly TimeSpan s_overlapWindow = TimeSpan.FromSeconds(1);

    private readonly List<TimedWord> _committedInBuffer = [];
    private readonly List<TimedWord> _previous = [];
    private readonly List<TimedWord> _new = [];

    /// <summary>End of the last committed word, in stream time.</summary>
    public TimeSpan LastCommittedTime { get; private set; }

    /// <summary>Committed words whose audio is still in the buffer.</summary>
    public IReadOnlyList<TimedWord> CommittedInBuffer => _committedInBuffer;

    /// <summary>The latest hypothesis's words after the committed prefix: shown, not yet agreed.</summary>
    public IReadOnlyList<TimedWord> Unconfirmed => _previous;

    /// <summary>Takes a new hypothesis (stream times), dropping what was already committed.</summary>
    public void Insert(IReadOnlyList<TimedWord> words)
    {
        _new.Clear();
        foreach (var word in words)
        {
            if (word.Start > LastCommittedTime - s_startSlack)
            {
                _new.Add(word);
            }
        }

        if (_new.Count == 0 || _committedInBuffer.Count == 0 || (_new[0].Start - LastCommittedTime).Duration() >= s_overlapWindow)
        {
            return;
        }

        // The decode may repeat the last few committed words with shifted times; as whisper_streaming does, drop the
        // shortest 1-5-word head that equals the committed tail.
        var limit = Math.Min(Math.Min(_committedInBuffer.Count, _new.Count), MaxOverlapWords);
        for (var n = 1; n <= limit; n++)
        {
            var match = true;
            for (var j = 0; j < n && match; j++)
            {
                match = string.Equals(_committedInBuffer[_committedInBuffer.Count - n + j].Text, _new[j].Text, StringComparison.Ordinal);
            }

            if (match)
            {
                _new.RemoveRange(0, n);
                return;
            }
        }
    }

    /// <summary>Commits the longest common prefix of the previous and the new hypothesis; the rest becomes <see cref="Unconfirmed"/>.</summary>
    public void Flush(List<TimedWord> committed)
    {
        var agreed = 0;
        while (agreed < _new.Count && agreed < _previous.Count
            && string.Equals(_new[agreed].Text, _previous[agreed].Text, StringComparison.Ordinal))
        {
            Commit(_new[agreed], committed);
            agreed++;
        }

        _previous.Clear();
        for (var i = agreed; i < _new.Count; i++)
        {
            _previous.Add(_new[i]);
        }

        _new.Clear();
    }

    /// <summary>Commits every unconfirmed word (end of utterance, or the buffer reached whisper's 30 s window).</summary>
    public void CommitAll(List<TimedWord> committed)
    {
        foreach (var word in _previous)
        {
            Commit(word, committed);
        }

        _previous.Clear();
    }

    /// <summary>Forgets committed words whose audio was trimmed off the buffer (ending at or before <paramref name="time"/>).</summary>
    public void PopCommitted(TimeSpan time)
    {
        var count = 0;
        while (count < _committedInBuffer.Count && _committedInBuffer[count].End <= time)
        {
            count++;
        }

        _committedInBuffer.RemoveRange(0, count);
    }

    /// <summary>A new utterance: nothing in the buffer, nothing to agree with.</summary>
    public void Reset()
    {
        _committedInBuffer.Clear();
        _previous.Clear();
        _new.Clear();
    }

    private void Commit(TimedWord word, List<TimedWord> committed)
    {
        committed.Add(word);
        _committedInBuffer.Add(word);
        LastCommittedTime = word.End;
    }
}
