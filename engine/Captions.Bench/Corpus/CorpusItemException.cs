namespace Captions.Bench.Corpus;

/// <summary>
/// One item that cannot be built (its audio is missing, espeak-ng rejected its voice, a gap names a word that does not
/// exist, ...). The loader turns it into a line of <see cref="BenchCorpus.Problems"/> and loads the other items.
/// </summary>
internal sealed class CorpusItemException : Exception
{
    public CorpusItemException()
    {
    }

    public CorpusItemException(string message)
        : base(message)
    {
    }

    public CorpusItemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
