namespace Captions.Bench.Corpus;

/// <summary>
/// A corpus that cannot be loaded at all: malformed manifest JSON, a manifest that names nothing, an invalid field,
/// a duplicate id, a reference to an unknown item, or a missing tool (espeak-ng). The message names the manifest
/// path, the item id and the field, so it can be shown to a user as it is. One bad item (a missing audio file, an
/// unreadable alignment) is not an exception: it becomes a line of <see cref="BenchCorpus.Problems"/>.
/// </summary>
public sealed class CorpusException : Exception
{
    public CorpusException()
    {
    }

    public CorpusException(string message)
        : base(message)
    {
    }

    public CorpusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
