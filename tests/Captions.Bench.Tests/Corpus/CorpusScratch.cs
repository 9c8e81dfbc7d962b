using Captions.Bench.Corpus;

namespace Captions.Bench.Tests.Corpus;

/// <summary>
/// A temporary corpus folder and cache root for one test: write manifests and files into it, load them, and it is
/// deleted afterwards. Progress lines are collected so tests can tell a build from a cache hit.
/// </summary>
internal sealed class CorpusScratch : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("captions-corpus-test-");

    private readonly string? _sharedCacheRoot;

    /// <param name="sharedCacheRoot">A cache kept across the tests of a class, so each does not synthesise again.</param>
    public CorpusScratch(string? sharedCacheRoot = null)
    {
        _sharedCacheRoot = sharedCacheRoot;
        Directory.CreateDirectory(CorpusDirectory);
    }

    public string CorpusDirectory => Path.Combine(_root.FullName, "corpus");

    public string CacheRoot => _sharedCacheRoot ?? Path.Combine(_root.FullName, "cache");

    public string ManifestPath => Path.Combine(CorpusDirectory, "manifest.json");

    public List<string> Progress { get; } = [];

    public CorpusLoadOptions Options => CorpusLoadOptions.FromEnvironment() with { CacheRoot = CacheRoot, Progress = Progress.Add };

    /// <summary>Writes manifest.json; single quotes in <paramref name="json"/> become double quotes for readability.</summary>
    public string WriteManifest(string json, bool quotes = true)
    {
        File.WriteAllText(ManifestPath, quotes ? json.Replace('\'', '"') : json);
        return ManifestPath;
    }

    public string WriteFile(string relativePath, string content)
    {
        string path = Path.Combine(CorpusDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A 16 kHz WAV of a 440 Hz tone at amplitude 0.3.</summary>
    public string WriteToneWav(string relativePath, double seconds)
    {
        string path = Path.Combine(CorpusDirectory, relativePath);
        var samples = new float[(int)(seconds * 16000)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = 0.3f * MathF.Sin(2 * MathF.PI * 440 * i / 16000f);
        }

        Pcm16WavWriter.Write(path, samples);
        return path;
    }

    public Task<BenchCorpus> LoadAsync(CorpusLoadOptions? options = null)
        => CorpusLoader.LoadAsync(ManifestPath, options ?? Options).WaitAsync(Timeout);

    public void Dispose() => _root.Delete(recursive: true);
}
