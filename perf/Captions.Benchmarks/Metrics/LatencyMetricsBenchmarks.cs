using BenchmarkDotNet.Attributes;
using Captions.Engine.Metrics;
using Captions.Engine.Metrics.Latency;

namespace Captions.Benchmarks.Metrics;

/// <summary>
/// The session-level latency metrics on a 60-minute emission log (<see cref="SyntheticEmissionLog"/>: ~9,000 words,
/// ~7,000 caption versions), as the bench report computes them once per configuration per session: normalised
/// erasure, SimulEval's commit delays and LAAL, lag drift over per-word commit lags, a p95, and the session's WER.
/// WordLag is in <see cref="WordLagBenchmarks"/>: it aligns per emission, so it does not scale to an hour.
/// </summary>
[MemoryDiagnoser]
public class LatencyMetricsBenchmarks
{
    private SyntheticEmissionLog _log = null!;
    private IReadOnlyList<double> _delays = null!;
    private double[] _lags = null!;
    private string _reference = null!;
    private string _hypothesis = null!;

    [GlobalSetup]
    public void Setup()
    {
        _log = SyntheticEmissionLog.Create(minutes: 60);
        _delays = SimulEvalLagging.CommitDelays(_log.Emissions);
        _lags = [.. _log.CommitLags.Select(l => l.LagSeconds)];
        _reference = string.Join(' ', _log.Words.Select(w => w.Word));
        var replay = new EmissionReplay();
        foreach (CaptionEmission emission in _log.Emissions)
        {
            replay.TryAccept(emission, out _);
        }

        _hypothesis = replay.Transcript(committedOnly: true);
    }

    [Benchmark]
    public double? NormalisedErasure60Min() => NormalisedErasure.Compute(_log.Emissions);

    [Benchmark]
    public int CommitDelays60Min() => SimulEvalLagging.CommitDelays(_log.Emissions).Count;

    [Benchmark]
    public double? Laal60Min() => SimulEvalLagging.LengthAdaptiveAverageLagging(_delays, _log.Words[^1].EndSeconds, _log.Words.Count);

    [Benchmark]
    public double? LagDrift60Min() => LagDrift.Compute(_log.CommitLags);

    [Benchmark]
    public double? P95Lag60Min() => Percentiles.Of(_lags, 95);

    [Benchmark]
    public double SessionWer60Min() => WordErrorRate.Compute(_reference, _hypothesis).Rate;
}
