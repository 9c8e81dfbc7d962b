using Captions.Bench.Peers;
using Captions.Bench.Reports;
using Captions.Engine.Metrics;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Tests.Reports;

/// <summary>
/// Realistic bench reports without running a pipeline: a talker at ~2.5 words/s, partial versions every
/// <c>partialStep</c> seconds showing the words heard so far, a commit every 3 s, stamps captured -> asr -> mt ->
/// presented with seeded jitter, and word lags and metrics computed from those samples the way the harness does.
/// </summary>
internal static class SyntheticBenchReport
{
    private static readonly string[] s_vocabulary =
        ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "captions", "glasses", "latency", "speech", "words", "session", "measure"];

    public static BenchReport Create(
        IReadOnlyList<(string Id, string Kind, double Seconds)> items,
        int configurations = 2,
        double partialStep = 0.5,
        string? hostileText = null)
    {
        var runs = new List<ConfigurationRun>();
        for (int c = 0; c < configurations; c++)
        {
            // Each configuration is a bit slower than the previous one so the charts differ visibly.
            double asrDelay = 0.15 + (0.12 * c);
            var itemRuns = items.Select((item, index) => Item(item.Id, item.Kind, item.Seconds, asrDelay, partialStep, seed: (c * 1000) + index, hostileText)).ToList();
            runs.Add(new ConfigurationRun(
                c == 0 ? "default" : $"step-{(c + 1) * 250}ms",
                $"sphinx recogniser, energy VAD, apertium en->es (config {c})",
                itemRuns,
                Pool(itemRuns)));
        }

        return new BenchReport
        {
            Corpus = "synthetic",
            ManifestPath = "/tmp/synthetic/manifest.json",
            Mode = "realtime",
            Started = new DateTimeOffset(2026, 12, 2, 18, 0, 0, TimeSpan.Zero),
            Machine = "2 cores, load 0.50, Debian 12",
            Configurations = runs,
            Peers =
            [
                new PeerRun("pocketsphinx_continuous", "pocketsphinx_continuous -infile x.wav", runs[0].Name,
                    items.Select(i => new PeerItem(i.Id, i.Seconds, i.Seconds * 0.5, i.Seconds * 0.8, "the quick brown fox")
                    {
                        Errors = new WordErrorCounts(2, 1, 1, 20),
                    }).ToList()),
            ],
            Notes = ["synthetic data for the report tests"],
        };
    }

    private static ItemRun Item(string id, string kind, double seconds, double asrDelay, double partialStep, int seed, string? hostileText)
    {
        var random = new Random(seed);
        var reference = new List<ReferenceWord>();
        for (double t = 0.3; t + 0.35 < seconds; t += 0.4)
        {
            reference.Add(new ReferenceWord(s_vocabulary[reference.Count % s_vocabulary.Length], t, t + 0.3));
        }

        var emissions = new List<EmissionSample>();
        long nextId = 1;
        double nextCommit = 3;
        int committedWords = 0;
        int heard = 0;
        for (int step = 1; step * partialStep <= seconds + 1e-9; step++)
        {
            double t = step * partialStep;
            bool commit = t >= nextCommit;
            while (heard < reference.Count && reference[heard].EndSeconds <= t)
            {
                heard++;
            }

            string text = string.Join(' ', reference.Skip(committedWords).Take(heard - committedWords).Select(w => w.Word));
            if (hostileText is not null && emissions.Count == 1)
            {
                text = hostileText;
            }

            // Jitter grows slowly over the session so the lag-over-time chart has a trend to show.
            double asr = t + asrDelay + (random.NextDouble() * 0.1) + (t / 3600 * 0.3);
            double mt = asr + 0.05 + (random.NextDouble() * 0.05);
            double presented = mt + 0.016;
            emissions.Add(new EmissionSample(nextId++, emissions.Count + 1, commit, text, text.ToUpperInvariant(), t, asr, mt, presented));
            if (commit)
            {
                committedWords = heard;
                nextCommit += 3;
            }
        }

        // Words and emissions are both in time order: walk them together.
        var lags = new List<WordLagSample>(reference.Count);
        int firstShown = 0, firstCommitted = 0;
        for (int i = 0; i < reference.Count; i++)
        {
            ReferenceWord w = reference[i];
            while (firstShown < emissions.Count && emissions[firstShown].CapturedSeconds < w.EndSeconds)
            {
                firstShown++;
            }

            firstCommitted = Math.Max(firstCommitted, firstShown);
            while (firstCommitted < emissions.Count && !emissions[firstCommitted].Committed)
            {
                firstCommitted++;
            }

            double? shown = firstShown < emissions.Count ? emissions[firstShown].ShownSeconds - w.EndSeconds : null;
            double? committed = firstCommitted < emissions.Count ? emissions[firstCommitted].ShownSeconds - w.EndSeconds : null;
            lags.Add(new WordLagSample(i, w, shown, committed));
        }

        var errors = new WordErrorCounts(random.Next(0, 3), random.Next(0, 2), random.Next(0, 2), reference.Count);
        var stages = new StageTimes(seconds * 0.01, seconds * (0.2 + (asrDelay / 2)), seconds * 0.05);
        return new ItemRun
        {
            Id = id,
            Kind = kind,
            Language = "en",
            AudioSeconds = seconds,
            Status = "ok",
            Reference = reference,
            Emissions = emissions,
            WordLags = lags,
            Hypothesis = string.Join(' ', reference.Select(w => w.Word)),
            Translation = null,
            Errors = errors,
            Stages = stages,
            WallSeconds = seconds + 0.4,
            Notes = kind == "session" ? [] : ["no speaker labels: diarisation skipped"],
            Metrics = Metrics(emissions, lags, reference, seconds, errors, stages),
        };
    }

    private static RunMetrics Metrics(List<EmissionSample> emissions, List<WordLagSample> lags, List<ReferenceWord> reference, double seconds, WordErrorCounts errors, StageTimes stages)
    {
        var shown = lags.Where(l => l.FirstShownLagSeconds is not null).Select(l => l.FirstShownLagSeconds!.Value).ToList();
        var committed = lags.Where(l => l.CommitLagSeconds is not null).Select(l => l.CommitLagSeconds!.Value).ToList();
        return new RunMetrics
        {
            FirstPartialSeconds = emissions.Count > 0 && reference.Count > 0 ? emissions[0].ShownSeconds - reference[0].StartSeconds : null,
            FirstShownP50 = Percentiles.Of(shown, 50),
            FirstShownP95 = Percentiles.Of(shown, 95),
            CommitP50 = Percentiles.Of(committed, 50),
            CommitP95 = Percentiles.Of(committed, 95),
            AverageLagging = Percentiles.Of(shown, 50) * 1.1,
            Laal = Percentiles.Of(shown, 50) * 1.2,
            TranslationLagP50 = Percentiles.Of(emissions.Select(e => e.MtSeconds!.Value - e.AsrSeconds), 50),
            PresentedLagP50 = 0.016,
            NormalisedErasure = 0.12,
            AsrRtf = stages.AsrSeconds / seconds,
            WallRtf = (seconds + 0.4) / seconds,
            ErrorRate = errors.Rate,
            LagDrift = seconds >= 600 ? 1.1 : null,
            MissingWords = lags.Count(l => l.IsMissing),
            ReferenceWords = reference.Count,
            Versions = emissions.Count,
        };
    }

    private static RunMetrics Pool(List<ItemRun> items)
    {
        var shown = items.SelectMany(i => i.WordLags).Where(l => l.FirstShownLagSeconds is not null).Select(l => l.FirstShownLagSeconds!.Value).ToList();
        var committed = items.SelectMany(i => i.WordLags).Where(l => l.CommitLagSeconds is not null).Select(l => l.CommitLagSeconds!.Value).ToList();
        double audio = items.Sum(i => i.AudioSeconds);
        return items[0].Metrics with
        {
            FirstShownP50 = Percentiles.Of(shown, 50),
            FirstShownP95 = Percentiles.Of(shown, 95),
            CommitP50 = Percentiles.Of(committed, 50),
            CommitP95 = Percentiles.Of(committed, 95),
            AsrRtf = items.Sum(i => i.Stages.AsrSeconds) / audio,
            WallRtf = items.Sum(i => i.WallSeconds) / audio,
            MissingWords = items.Sum(i => i.Metrics.MissingWords),
            ReferenceWords = items.Sum(i => i.Metrics.ReferenceWords),
            Versions = items.Sum(i => i.Metrics.Versions),
        };
    }
}
