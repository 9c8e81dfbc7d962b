using Captions.Engine.Translation;
using Captions.Vision.Geometry;
using Captions.Vision.Ocr;

namespace Captions.Vision.Tracking;

/// <summary>
/// One text region followed across frames: its latest box, the fingerprint it had when last read, and the vote over
/// its recent readings. <see cref="ShownText"/> is what the overlay shows (null until a reading wins the vote).
/// </summary>
/// <remarks>Threading model: owned by the <see cref="SignTracker"/> that made it; read and written on its caller's thread only.</remarks>
public sealed class SignTrack
{
    private readonly Queue<Reading> _window = new();
    private readonly int _windowSize;

    internal SignTrack(long id, Quad box, long frame, int windowSize)
    {
        Id = id;
        Box = box;
        FirstFrame = frame;
        LastSeenFrame = frame;
        _windowSize = windowSize;
    }

    public long Id { get; internal set; }

    /// <summary>Box in the frame it was last seen in.</summary>
    public Quad Box { get; internal set; }

    public long FirstFrame { get; }

    public long LastSeenFrame { get; internal set; }

    /// <summary>Frames in a row without a matching region (0 when seen this frame).</summary>
    public int MissedFrames { get; internal set; }

    /// <summary>The fingerprint the region had when it was last read (<see cref="CropFingerprint.None"/> before).</summary>
    public CropFingerprint ReadFingerprint { get; internal set; }

    /// <summary>The latest fingerprint seen.</summary>
    public CropFingerprint Fingerprint { get; internal set; }

    /// <summary>Frame of the last reading, or -1 before any; the pipeline reads the longest-waiting first.</summary>
    public long LastReadFrame { get; internal set; } = -1;

    public int Readings { get; private set; }

    /// <summary>The reading that won the vote, as first read (original case and spacing); null until one has.</summary>
    public string? ShownText { get; private set; }

    public float ShownConfidence { get; private set; }

    /// <summary>The recogniser that produced the shown reading.</summary>
    public string ShownEngine { get; private set; } = "";

    /// <summary>The winning reading as read, with the recogniser's other fields (language, when engines report it).</summary>
    public RecognizedText? ShownReading { get; private set; }

    /// <summary>True while the latest reading disagrees with the shown one (or nothing is shown): keep reading.</summary>
    public bool IsVoting { get; private set; } = true;

    internal ReadingOutcome AddReading(RecognizedText reading, SignTrackerOptions options, Func<long> newId)
    {
        var key = TranslationCache.Normalize(reading.Text);
        _window.Enqueue(new Reading(key, reading));
        while (_window.Count > _windowSize)
        {
            _window.Dequeue();
        }

        Readings++;
        var shownKey = ShownText is null ? null : TranslationCache.Normalize(ShownText);
        IsVoting = !string.Equals(key, shownKey, StringComparison.Ordinal);

        var (bestKey, bestCount) = Best(shownKey);
        if (ShownText is null)
        {
            if (bestCount >= options.Votes)
            {
                Show(bestKey);
                return ReadingOutcome.Shown;
            }

            return ReadingOutcome.Counted;
        }

        if (IsVoting && LastAgree(options.Votes, key) && TextSimilarity.Of(key, shownKey!) < options.DifferentTextSimilarity)
        {
            // A different text in the same place (a replaced board, a scrolling display): a new overlay, not an edit.
            Id = newId();
            var recent = _window.Reverse().Take(options.Votes).Reverse().ToArray();
            _window.Clear();
            foreach (var r in recent)
            {
                _window.Enqueue(r);
            }

            Show(key);
            return ReadingOutcome.Replaced;
        }

        if (!string.Equals(bestKey, shownKey, StringComparison.Ordinal) && bestCount >= options.Votes && bestCount >= Count(shownKey!) + options.Votes)
        {
            Show(bestKey);
            return ReadingOutcome.Changed;
        }

        return ReadingOutcome.Counted;
    }

    /// <summary>Shows the leading reading when nothing is shown yet but something was read (the input ended mid-vote).</summary>
    internal bool Settle()
    {
        if (ShownText is not null || _window.Count == 0)
        {
            return false;
        }

        Show(Best(null).Key);
        return true;
    }

    private void Show(string key)
    {
        // The latest reading of the winning text: its original case and spacing, and the best-informed fields.
        var reading = _window.Last(r => string.Equals(r.Key, key, StringComparison.Ordinal)).Text;
        ShownText = reading.Text;
        ShownConfidence = reading.Confidence;
        ShownEngine = reading.Engine;
        ShownReading = reading;
        IsVoting = !string.Equals(_window.Last().Key, key, StringComparison.Ordinal);
    }

    private (string Key, int Count) Best(string? preferred)
    {
        var counts = new Dictionary<string, (int Count, float Confidence, int Last)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var r in _window)
        {
            counts.TryGetValue(r.Key, out var c);
            counts[r.Key] = (c.Count + 1, c.Confidence + r.Text.Confidence, index++);
        }

        var best = (Key: "", Count: 0, Confidence: 0f, Last: -1);
        foreach (var (key, c) in counts)
        {
            var better = c.Count > best.Count
                || (c.Count == best.Count && string.Equals(key, preferred, StringComparison.Ordinal))
                || (c.Count == best.Count && !string.Equals(best.Key, preferred, StringComparison.Ordinal) && (c.Confidence > best.Confidence || (c.Confidence == best.Confidence && c.Last > best.Last)));
            if (better)
            {
                best = (key, c.Count, c.Confidence, c.Last);
            }
        }

        return (best.Key, best.Count);
    }

    private int Count(string key) => _window.Count(r => string.Equals(r.Key, key, StringComparison.Ordinal));

    private bool LastAgree(int count, string key) =>
        _window.Count >= count && _window.Reverse().Take(count).All(r => string.Equals(r.Key, key, StringComparison.Ordinal));

    private readonly record struct Reading(string Key, RecognizedText Text);
}
