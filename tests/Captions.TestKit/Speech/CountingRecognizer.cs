using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Engine.Speech;

namespace Captions.TestKit.Speech;

/// <summary>
/// A test double for stage tests (not a recogniser): "hears" one word per <see cref="SamplesPerWord"/> samples of
/// audio fed to it, so tests can predict exactly what text a stage must produce for a given amount of speech.
/// Records every call so tests can check the stage drove it correctly.
/// </summary>
public sealed class CountingRecognizer : ISpeechRecognizer
{
    private long _samples;
    private TimeSpan _start;
    private int _lastWords;
    private int _committedWords;

    public int SamplesPerWord { get; init; } = AudioFormat.SampleRate / 4;

    /// <summary>
    /// When positive, settles every this many words mid-utterance (<see cref="SpeechHypothesis.Committed"/>), as a
    /// streaming recogniser does; 0 (the default) settles only at the end of the utterance.
    /// </summary>
    public int CommitEveryWords { get; init; }

    public string Name => "counting";

    public List<string> Calls { get; } = [];

    public bool InUtterance { get; private set; }

    public bool Disposed { get; private set; }

    public void StartUtterance(TimeSpan streamTime)
    {
        if (InUtterance)
        {
            throw new InvalidOperationException("StartUtterance inside an utterance");
        }

        Calls.Add($"start@{streamTime.TotalMilliseconds:0}");
        InUtterance = true;
        _start = streamTime;
        _samples = 0;
        _lastWords = 0;
        _committedWords = 0;
    }

    public SpeechHypothesis? AcceptAudio(ReadOnlySpan<float> samples, CancellationToken cancellationToken = default)
    {
        if (!InUtterance)
        {
            throw new InvalidOperationException("AcceptAudio outside an utterance");
        }

        _samples += samples.Length;
        var words = (int)(_samples / SamplesPerWord);
        if (words == _lastWords)
        {
            return null;
        }

        _lastWords = words;
        if (CommitEveryWords > 0 && words - _committedWords >= CommitEveryWords)
        {
            var commitTo = _committedWords + ((words - _committedWords) / CommitEveryWords * CommitEveryWords);
            var committed = Hypothesis(_committedWords, commitTo, isFinal: true);
            _committedWords = commitTo;
            return Hypothesis(_committedWords, words, isFinal: false) with { Committed = committed };
        }

        return Hypothesis(_committedWords, words, isFinal: false);
    }

    public SpeechHypothesis EndUtterance(CancellationToken cancellationToken = default)
    {
        if (!InUtterance)
        {
            throw new InvalidOperationException("EndUtterance outside an utterance");
        }

        Calls.Add($"end after {_samples} samples");
        InUtterance = false;
        _lastWords = (int)(_samples / SamplesPerWord);
        return Hypothesis(_committedWords, _lastWords, isFinal: true);
    }

    public void Dispose() => Disposed = true;

    /// <summary>The text this recogniser produces for <paramref name="words"/> words.</summary>
    public static string TextFor(int words) => string.Join(' ', Enumerable.Range(1, words).Select(i => $"w{i}"));

    /// <summary>Words <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), 0-based.</summary>
    private SpeechHypothesis Hypothesis(int from, int to, bool isFinal)
    {
        var words = new List<WordTiming>();
        var wordDuration = AudioFormat.SamplesToTime(SamplesPerWord);
        for (var i = from; i < to; i++)
        {
            words.Add(new WordTiming($"w{i + 1}", _start + (wordDuration * i), _start + (wordDuration * (i + 1)), 1f));
        }

        var start = _start + (wordDuration * from);
        var end = isFinal && to < _lastWords ? _start + (wordDuration * to) : _start + AudioFormat.SamplesToTime(_samples);
        return new SpeechHypothesis(string.Join(' ', words.Select(w => w.Word)), isFinal, words, start, end);
    }
}
