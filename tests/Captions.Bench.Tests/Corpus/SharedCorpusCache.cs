namespace Captions.Bench.Tests.Corpus;

/// <summary>
/// One corpus cache for all tests of a class: identical synth items (same spec, same espeak-ng) hit the cache, so the
/// class pays for each espeak-ng sentence once instead of once per test.
/// </summary>
public sealed class SharedCorpusCache : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("captions-corpus-cache-");

    public string CacheRoot => _root.FullName;

    public void Dispose() => _root.Delete(recursive: true);
}
