namespace Captions.Bench.Corpus;

/// <summary>
/// A loaded corpus: the items that can be replayed, plus one problem line per item that cannot (missing file,
/// unreadable alignment, ...). A corpus with problems still runs what it can; reports list the problems.
/// </summary>
public sealed record BenchCorpus(string Name, string ManifestPath, IReadOnlyList<CorpusItem> Items, IReadOnlyList<string> Problems);
