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

    public int SamplesPerWord { get; init; } = AudioFormat.SampleRate / 4;

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
    }

    public SpeechHypothesis? AcceptAudio(ReadOnlySpan<float> samples)
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
        return Hypothesis(isFinal: false);
    }

    public SpeechHypothesis EndUtterance()
    {
        if (!InUtterance)
        {
            throw new InvalidOperationException("EndUtterance outside an utterance");
        }

        Calls.Add($"end after {_samples} samples");
        InUtterance = false;
        _lastWords = (int)(_samples / SamplesPerWord);
        return Hypothesis(isFinal: true);
    }

    public void Dispose() => Disposed = true;

    /// <summary>The text this recogniser produces for <paramref name="words"/> words.</summary>
    public static string TextFor(int words) => string.Join(' ', Enumerable.Range(1, words).Select(i => $"w{i}"));

    private SpeechHypothesis Hypothesis(bool isFinal)
    {
        var words = new List<WordTiming>();
        var wordDuration = AudioFormat.SamplesToTime(SamplesPerWord);
        for (var i = 0; i < _lastWords; i++)
        {
            words.Add(new WordTiming($"w{i + 1}", _start + (wordDuration * i), _start + (wordDuration * (i + 1)), 1f));
        }

        return new SpeechHypothesis(TextFor(_lastWords), isFinal, words, _start, _start + AudioFormat.SamplesToTime(_samples));
    }
}
