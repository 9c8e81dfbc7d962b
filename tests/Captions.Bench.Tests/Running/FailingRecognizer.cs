using Captions.Engine.Speech;

namespace Captions.Bench.Tests.Running;

/// <summary>Wraps a real recogniser and throws once it has been fed <c>failAfterSamples</c> samples: a backend dying mid-run.</summary>
internal sealed class FailingRecognizer(ISpeechRecognizer inner, long failAfterSamples) : ISpeechRecognizer
{
    private long _fed;

    public string Name => inner.Name;

    public void StartUtterance(TimeSpan streamTime) => inner.StartUtterance(streamTime);

    public SpeechHypothesis? AcceptAudio(ReadOnlySpan<float> samples, CancellationToken cancellationToken = default)
    {
        _fed += samples.Length;
        if (_fed > failAfterSamples)
        {
            throw new InvalidOperationException("recogniser crashed (test)");
        }

        return inner.AcceptAudio(samples, cancellationToken);
    }

    public SpeechHypothesis EndUtterance(CancellationToken cancellationToken = default) => inner.EndUtterance(cancellationToken);

    public void Dispose() => inner.Dispose();
}
