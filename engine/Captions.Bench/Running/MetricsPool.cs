using Captions.Bench.Reports;
using Captions.Engine.Metrics;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Running;

/// <summary>
/// A configuration's summary over its items: percentiles over every pooled sample (not means of per-item
/// percentiles), rates as total errors over total reference units, RTFs as total busy time over total audio.
/// </summary>
internal static class MetricsPool
{
    public static RunMetrics Pool(IReadOnlyList<ItemSamples> items)
    {
        var runs = items.Select(i => i.Run).ToList();
        var wordLags = runs.SelectMany(r => r.WordLags).ToList();
        var firstPartials = items.SelectMany(i => i.FirstPartials).ToList();
        var translationLags = items.SelectMany(i => i.TranslationLags).ToList();
        var presentedLags = items.SelectMany(i => i.PresentedLags).ToList();
        var als = items.SelectMany(i => i.AverageLaggings).ToList();
        var laals = items.SelectMany(i => i.Laals).ToList();
        var erased = items.Sum(i => i.ErasedCharacters);
        var committed = items.Sum(i => i.CommittedCharacters);
        var audio = runs.Sum(r => r.AudioSeconds);
        var translating = runs.Any(r => r.Metrics.MtRtf is not null);

        // Word error rate over word-scored items; character error rate only when every scored item is CJK.
        var wordScored = runs.Where(r => r.Errors is not null && !r.ErrorsAreCharacters).Select(r => r.Errors!.Value).ToList();
        var characterScored = runs.Where(r => r.Errors is not null && r.ErrorsAreCharacters).Select(r => r.Errors!.Value).ToList();
        double? errorRate = wordScored.Count > 0 ? WordErrorRate.Aggregate(wordScored).Rate
            : characterScored.Count > 0 ? WordErrorRate.Aggregate(characterScored).Rate : null;
        var drift = runs.Where(r => r.Metrics.LagDrift is not null).OrderByDescending(r => r.AudioSeconds).Select(r => r.Metrics.LagDrift).FirstOrDefault();

        return new RunMetrics
        {
            FirstPartialSeconds = Percentiles.Of(firstPartials, 50),
            FirstShownP50 = WordLag.FirstShownPercentile(wordLags, 50),
            FirstShownP95 = WordLag.FirstShownPercentile(wordLags, 95),
            CommitP50 = WordLag.CommitPercentile(wordLags, 50),
            CommitP95 = WordLag.CommitPercentile(wordLags, 95),
            AverageLagging = als.Count > 0 ? als.Average() : null,
            Laal = laals.Count > 0 ? laals.Average() : null,
            TranslationLagP50 = Percentiles.Of(translationLags, 50),
            TranslationLagP95 = Percentiles.Of(translationLags, 95),
            PresentedLagP50 = Percentiles.Of(presentedLags, 50),
            PresentedLagP95 = Percentiles.Of(presentedLags, 95),
            NormalisedErasure = committed > 0 ? (double)erased / committed : erased == 0 ? 0 : null,
            VadRtf = audio > 0 ? runs.Sum(r => r.Stages.VadSeconds) / audio : null,
            AsrRtf = audio > 0 ? runs.Sum(r => r.Stages.AsrSeconds) / audio : null,
            MtRtf = audio > 0 && translating ? runs.Sum(r => r.Stages.MtSeconds) / audio : null,
            WallRtf = audio > 0 ? runs.Sum(r => r.WallSeconds) / audio : null,
            ErrorRate = errorRate,
            ErrorRateIsCharacters = wordScored.Count == 0 && characterScored.Count > 0,
            LagDrift = drift,
            MissingWords = runs.Sum(r => r.Metrics.MissingWords),
            ReferenceWords = runs.Sum(r => r.Metrics.ReferenceWords),
            Versions = runs.Sum(r => r.Metrics.Versions),
        };
    }
}
