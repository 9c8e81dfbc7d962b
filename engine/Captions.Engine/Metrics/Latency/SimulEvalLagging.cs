namespace Captions.Engine.Metrics.Latency;

/// <summary>
/// Average Lagging (AL) and Length-Adaptive Average Lagging (LAAL) exactly as SimulEval computes them for speech
/// input (Ma et al. 2020, "SimulEval: An Evaluation Toolkit for Simultaneous Translation";
/// facebookresearch/SimulEval, simuleval/evaluator/scorers/latency_scorer.py, ALScorer and LAALScorer).
/// </summary>
/// <remarks>
/// Delays d_i: seconds of source audio consumed when target word i was emitted (SimulEval uses milliseconds; the
/// unit cancels, so the result is in the unit of the delays). |X|: source duration. With rate
/// gamma = |Y*| / |X| (|Y*| = reference length in words, SimulEval's default use_ref_len):
/// AL = (1/tau) * sum_{i=1..tau} (d_i - (i - 1) / gamma), where tau is the index of the first word with
/// d_i &gt;= |X| (inclusive), or |Y| when no word waited for the whole source. If d_1 &gt; |X| the score is d_1.
/// LAAL (Papi et al. 2022, "Over-Generation Cannot Be Rewarded") is the same with gamma = max(|Y|, |Y*|) / |X|,
/// so a hypothesis longer than the reference cannot lower its lag by over-generating.
/// AL is from Ma et al. 2019 (STACL).
/// </remarks>
public static class SimulEvalLagging
{
    /// <summary>AL in the unit of <paramref name="delays"/>; null for an empty hypothesis (SimulEval skips it).</summary>
    public static double? AverageLagging(IReadOnlyList<double> delays, double sourceSeconds, int referenceWords) =>
        Lagging(delays, sourceSeconds, referenceWords, lengthAdaptive: false);

    /// <summary>LAAL in the unit of <paramref name="delays"/>; null for an empty hypothesis.</summary>
    public static double? LengthAdaptiveAverageLagging(IReadOnlyList<double> delays, double sourceSeconds, int referenceWords) =>
        Lagging(delays, sourceSeconds, referenceWords, lengthAdaptive: true);

    /// <summary>
    /// The SimulEval delays of a caption log: the words of each line as it was committed (normalised as in
    /// <see cref="WordErrorRate.Normalize"/>), each delayed to the emission time of that commit. Committed text is
    /// the append-only output SimulEval scores; partials are revisable and so are not target words yet.
    /// </summary>
    public static IReadOnlyList<double> CommitDelays(IReadOnlyList<CaptionEmission> emissions)
    {
        ArgumentNullException.ThrowIfNull(emissions);
        var replay = new EmissionReplay();
        var committedIds = new HashSet<long>();
        var delays = new List<double>();
        foreach (CaptionEmission emission in emissions)
        {
            // A committed line is final: a later "committed" version of the same id would re-emit words already counted.
            if (committedIds.Contains(emission.Id) || !replay.TryAccept(emission, out _) || !emission.Committed)
            {
                continue;
            }

            committedIds.Add(emission.Id);
            int words = WordErrorRate.Normalize(emission.Text).Count;
            for (int i = 0; i < words; i++)
            {
                delays.Add(emission.EmittedSeconds);
            }
        }

        return delays;
    }

    private static double? Lagging(IReadOnlyList<double> delays, double sourceSeconds, int referenceWords, bool lengthAdaptive)
    {
        ArgumentNullException.ThrowIfNull(delays);
        if (!(sourceSeconds > 0) || double.IsInfinity(sourceSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(sourceSeconds), sourceSeconds, "The source duration must be a positive number of seconds.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(referenceWords);
        if (delays.Count == 0)
        {
            return null;
        }

        if (delays[0] > sourceSeconds)
        {
            return delays[0];
        }

        int targetLength = lengthAdaptive ? Math.Max(delays.Count, referenceWords) : referenceWords;
        double gamma = targetLength / sourceSeconds;
        double sum = 0;
        int tau = 0;
        for (int i = 0; i < delays.Count; i++)
        {
            sum += delays[i] - (i / gamma);
            tau = i + 1;
            if (delays[i] >= sourceSeconds)
            {
                break;
            }
        }

        return sum / tau;
    }
}
