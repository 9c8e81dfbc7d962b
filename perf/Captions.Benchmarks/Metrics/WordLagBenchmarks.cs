using BenchmarkDotNet.Attributes;
using Captions.Engine.Metrics.Latency;

namespace Captions.Benchmarks.Metrics;

/// <summary>
/// WordLag.Compute on the first N minutes of a synthetic session (<see cref="SyntheticEmissionLog"/>). It aligns the
/// whole shown transcript against the whole reference after every accepted emission, so its cost grows with
/// minutes cubed (versions x reference words x transcript words): these sizes show the curve an hour would sit on,
/// which is why the harness should call it per item or utterance rather than on a 60-minute session at once.
/// </summary>
[MemoryDiagnoser]
public class WordLagBenchmarks
{
    private SyntheticEmissionLog _log = null!;

    [Params(1, 3, 6)]
    public int Minutes { get; set; }

    [GlobalSetup]
    public void Setup() => _log = SyntheticEmissionLog.Create(Minutes);

    [Benchmark]
    public int WordLag() => Engine.Metrics.Latency.WordLag.Compute(_log.Words, _log.Emissions).Count(s => !s.IsMissing);
}
