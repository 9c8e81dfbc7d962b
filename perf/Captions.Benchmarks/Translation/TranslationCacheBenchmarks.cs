using BenchmarkDotNet.Attributes;
using Captions.Engine.Translation;

namespace Captions.Benchmarks.Translation;

/// <summary>
/// The translator stage's LRU cache per lookup: a hit on an OCR-style variant of a cached sign ("  Platform 2 " for
/// "platform 2": the key is normalised first, NFC + whitespace + lower case), a miss, and an add into a full cache
/// (default capacity 512) that evicts. Results are per operation (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class TranslationCacheBenchmarks
{
    private const int Signs = 256;

    private readonly string[] _variants = new string[Signs];
    private readonly string[] _unknown = new string[Signs];
    private readonly string[] _fresh = new string[Signs * 4];
    private TranslationCache _cache = null!;
    private TranslationCache _full = null!;

    [GlobalSetup]
    public void Setup()
    {
        string[] stems = ["Platform", "Exit", "Way out", "Tickets", "Departures", "Toilets", "Lift to street level", "Café — open until"];
        _cache = new TranslationCache();
        _full = new TranslationCache();
        for (int i = 0; i < Signs; i++)
        {
            string sign = $"{stems[i % stems.Length]} {i}";
            _cache.Add(sign, "en", "es", $"traducción {i}");
            _variants[i] = i % 2 == 0 ? $"  {sign.ToUpperInvariant()} " : sign.Replace(" ", "   ", StringComparison.Ordinal);
            _unknown[i] = $"{stems[i % stems.Length]} {i + 10_000}";
        }

        for (int i = 0; i < _fresh.Length; i++)
        {
            _fresh[i] = $"sign number {i}";
            _full.Add(_fresh[i], "en", "es", "x");
        }
    }

    [Benchmark(OperationsPerInvoke = Signs)]
    public int HitOnVariant()
    {
        int hits = 0;
        foreach (string text in _variants)
        {
            hits += _cache.TryGet(text, "en", "es", out _) ? 1 : 0;
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Signs)]
    public int Miss()
    {
        int hits = 0;
        foreach (string text in _unknown)
        {
            hits += _cache.TryGet(text, "en", "es", out _) ? 1 : 0;
        }

        return hits;
    }

    // 1,024 distinct keys cycled through a 512-entry cache: every add evicts the least recently used entry.
    [Benchmark(OperationsPerInvoke = Signs * 4)]
    public int AddEvicting()
    {
        foreach (string text in _fresh)
        {
            _full.Add(text, "en", "es", "x");
        }

        return _full.Count;
    }
}
