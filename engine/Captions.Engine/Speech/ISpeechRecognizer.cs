namespace Captions.Engine.Speech;

/// <summary>
/// A streaming speech recogniser fed 16 kHz mono float audio one utterance at a time.
/// Threading model: not thread-safe; the recogniser stage owns an instance and calls it from one task.
/// </summary>
public interface ISpeechRecognizer : IDisposable
{
    /// <summary>Short name used in outputs and `captions doctor` (e.g. "sphinx").</summary>
    string Name { get; }

    /// <summary>Begins an utterance whose first sample lies at <paramref name="streamTime"/>.</summary>
    void StartUtterance(TimeSpan streamTime);

    /// <summary>
    /// Feeds speech audio of the current utterance. Returns a partial hypothesis when the recognised text changed
    /// since the last one returned, otherwise null. The hypothesis may carry a <see cref="SpeechHypothesis.Committed"/>
    /// part that closes the current caption line while the rest of the utterance goes on as a new line.
    /// <paramref name="cancellationToken"/> stops work in flight (a Whisper decode is aborted between graph
    /// computations) and throws <see cref="OperationCanceledException"/>; afterwards the recogniser may only be
    /// disposed or given <see cref="EndUtterance"/>.
    /// </summary>
    SpeechHypothesis? AcceptAudio(ReadOnlySpan<float> samples, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the current utterance and returns its final hypothesis (possibly empty text): everything heard since the
    /// last <see cref="SpeechHypothesis.Committed"/> part. It may itself carry a committed part, which closes the
    /// current line before the final text opens (and closes) one more.
    /// </summary>
    SpeechHypothesis EndUtterance(CancellationToken cancellationToken = default);
}
