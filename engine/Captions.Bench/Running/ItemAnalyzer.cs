using Captions.Bench.Corpus;
using Captions.Bench.Reports;
using Captions.Engine.Captioning;
using Captions.Engine.Metrics;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Running;

/// <summary>
/// Turns what one replay recorded (caption versions with stamps on the audio timeline) into an <see cref="ItemRun"/>:
/// raw samples plus the item's metrics, each defined in the README.
/// </summary>
internal static class ItemAnalyzer
{
    /// <summary>A session at least this long gets a lag drift figure (two 5-minute windows).</summary>
    private const double DriftMinimumSeconds = 2 * LagDrift.DefaultWindowSeconds;

    private static readonly HashSet<string> s_characterLanguages = new(StringComparer.OrdinalIgnoreCase) { "zh", "ja", "ko", "th" };

    public static ItemSamples Analyze(CorpusItem item, ReplayOutcome outcome)
    {
        var notes = new List<string>();
        var emissions = outcome.Emissions;
        var shown = emissions.Select(e => new CaptionEmission(e.Id, e.Version, e.Committed, e.Text, e.ShownSeconds, e.PresentedSeconds)).ToList();
        var read = emissions.Select(e => new CaptionEmission(e.Id, e.Version, e.Committed, e.Translation ?? e.Text, e.ShownSeconds, e.PresentedSeconds)).ToList();

        var wordLags = new List<WordLagSample>();
        var firstPartials = new List<double>();
        var averageLaggings = new List<double>();
        var laals = new List<double>();
        if (item.Words is { Count: > 0 } words)
        {
            var chunks = ReferenceChunk.Split(words, item.DurationSeconds);
            var owners = new Dictionary<long, int>();
            foreach (var span in outcome.LineSpans)
            {
                owners[span.Key] = ReferenceChunk.Owner(chunks, span.Value.Start, span.Value.End);
            }

            for (var c = 0; c < chunks.Count; c++)
            {
                var chunk = chunks[c];
                var mine = shown.Where(e => owners.TryGetValue(e.Id, out var owner) && owner == c).ToList();
                foreach (var sample in WordLag.Compute(chunk.Words, mine))
                {
                    wordLags.Add(sample with { Index = sample.Index + chunk.FirstIndex });
                }

                if (mine.Count > 0)
                {
                    firstPartials.Add(mine.Min(e => e.EmittedSeconds) - chunk.Words[0].StartSeconds);
                }

                var local = mine.Select(e => e with { EmittedSeconds = e.EmittedSeconds - chunk.SpanStart }).ToList();
                var delays = SimulEvalLagging.CommitDelays(local);
                var span = chunk.SpanEnd - chunk.SpanStart;
                if (span > 0 && SimulEvalLagging.AverageLagging(delays, span, chunk.Words.Count) is double al)
                {
                    averageLaggings.Add(al);
                    laals.Add(SimulEvalLagging.LengthAdaptiveAverageLagging(delays, span, chunk.Words.Count)!.Value);
                }
            }
        }
        else
        {
            notes.Add("no reference word timings: word lags, first partial and AL/LAAL skipped");
        }

        var hypothesis = CommittedText(emissions, translated: false);
        var translation = emissions.Any(e => e.Translation is not null) ? CommittedText(emissions, translated: true) : null;
        WordErrorCounts? errors = null;
        var characters = s_characterLanguages.Contains(item.Language);
        if (item.Transcript is { } transcript)
        {
            errors = characters ? CharacterErrorRate.Compute(transcript, hypothesis) : WordErrorRate.Compute(transcript, hypothesis);
        }
        else
        {
            notes.Add("no transcript: latency only, WER skipped");
        }

        var translationLags = emissions
            .Where(e => e.Committed && e.MtSeconds is not null && e.Translation is not null)
            .Select(e => e.MtSeconds!.Value - e.AsrSeconds)
            .ToList();
        var presentedLags = emissions
            .Where(e => e.PresentedSeconds is not null)
            .Select(e => e.PresentedSeconds!.Value - (e.MtSeconds ?? e.AsrSeconds))
            .ToList();
        var (erased, committed) = NormalisedErasure.Count(read);

        double? drift = null;
        if (item.DurationSeconds >= DriftMinimumSeconds)
        {
            drift = LagDrift.Compute([.. wordLags.Where(s => s.CommitLagSeconds is not null).Select(s => new LagSample(s.Word.EndSeconds, s.CommitLagSeconds!.Value))]);
        }

        var audio = item.DurationSeconds;
        var metrics = new RunMetrics
        {
            FirstPartialSeconds = Percentiles.Of(firstPartials, 50),
            FirstShownP50 = WordLag.FirstShownPercentile(wordLags, 50),
            FirstShownP95 = WordLag.FirstShownPercentile(wordLags, 95),
            CommitP50 = WordLag.CommitPercentile(wordLags, 50),
            CommitP95 = WordLag.CommitPercentile(wordLags, 95),
            AverageLagging = averageLaggings.Count > 0 ? averageLaggings.Average() : null,
            Laal = laals.Count > 0 ? laals.Average() : null,
            TranslationLagP50 = Percentiles.Of(translationLags, 50),
            TranslationLagP95 = Percentiles.Of(translationLags, 95),
            PresentedLagP50 = Percentiles.Of(presentedLags, 50),
            PresentedLagP95 = Percentiles.Of(presentedLags, 95),
            NormalisedErasure = committed > 0 ? (double)erased / committed : erased == 0 ? 0 : null,
            VadRtf = audio > 0 ? outcome.Stages.VadSeconds / audio : null,
            AsrRtf = audio > 0 ? outcome.Stages.AsrSeconds / audio : null,
            MtRtf = audio > 0 && outcome.Translating ? outcome.Stages.MtSeconds / audio : null,
            WallRtf = audio > 0 ? outcome.WallSeconds / audio : null,
            ErrorRate = errors?.Rate,
            ErrorRateIsCharacters = characters && errors is not null,
            LagDrift = drift,
            MissingWords = wordLags.Count(s => s.IsMissing),
            ReferenceWords = item.Words?.Count ?? 0,
            Versions = emissions.Count,
        };

        var run = new ItemRun
        {
            Id = item.Id,
            Kind = item.Kind,
            Language = item.Language,
            AudioSeconds = audio,
            Status = outcome.Error is null ? "ok" : "failed",
            Error = outcome.Error,
            Notes = notes,
            Reference = item.Words ?? [],
            Emissions = emissions,
            WordLags = wordLags,
            Hypothesis = hypothesis,
            Translation = translation,
            Errors = errors,
            ErrorsAreCharacters = characters && errors is not null,
            Stages = outcome.Stages,
            WallSeconds = outcome.WallSeconds,
            Metrics = metrics,
        };
        return new ItemSamples(run, firstPartials, translationLags, presentedLags, averageLaggings, laals, erased, committed);
    }

    /// <summary>The last committed version of every line, in line order (the transcript a viewer ends up with).</summary>
    private static string CommittedText(IReadOnlyList<EmissionSample> emissions, bool translated)
    {
        var lines = new SortedDictionary<long, EmissionSample>();
        foreach (var emission in emissions)
        {
            if (emission.Committed && (!lines.TryGetValue(emission.Id, out var seen) || emission.Version > seen.Version))
            {
                lines[emission.Id] = emission;
            }
        }

        return string.Join(' ', lines.Values.Select(e => translated ? e.Translation ?? e.Text : e.Text).Where(t => t.Length > 0));
    }
}
