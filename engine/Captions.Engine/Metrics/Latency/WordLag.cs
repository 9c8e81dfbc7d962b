namespace Captions.Engine.Metrics.Latency;

/// <summary>
/// Per-word lag as whisper_streaming measured it (Machacek et al. 2023, "Turning Whisper into Real-Time Transcription
/// System"): for each reference word, the time from its end in the audio to (a) its first appearance in any shown
/// text and (b) its commit.
/// </summary>
/// <remarks>
/// Matching is monotonic and counts correct words only: after each accepted emission (stale versions skipped, see
/// <see cref="EmissionReplay"/>) the shown transcript (every line's current text, in id order) is normalised with
/// <see cref="WordErrorRate.Normalize"/> and aligned against the whole reference with <see cref="WordErrorRate"/>;
/// hits = reference words - substitutions - deletions. Reference word k (1-based, counted in normalised tokens)
/// counts as shown at the first emission where hits &gt;= k, and as committed at the first emission where the
/// same holds for the transcript of committed lines only. A misrecognised word is therefore not credited until
/// enough later words match to cover it; a word never reached is reported missing. A reference word that
/// normalises to several tokens ("cold-hearted") is reached with its last token; one that normalises to none
/// (a bare "—") is reached with the word before it, or at the first accepted emission if it leads.
/// Cost: one alignment (reference x transcript words) per accepted emission, so call it per utterance or clip,
/// not on an hour-long reference.
/// </remarks>
public static class WordLag
{
    /// <summary>One sample per reference word, in reference order.</summary>
    public static IReadOnlyList<WordLagSample> Compute(IReadOnlyList<ReferenceWord> references, IReadOnlyList<CaptionEmission> emissions)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(emissions);

        // A reference word may normalise to several tokens ("cold-hearted") or none ("—"); it is reached when its
        // last token is. lastToken[k] = number of reference tokens up to and including word k.
        var referenceTokens = new List<string>();
        int[] lastToken = new int[references.Count];
        for (int k = 0; k < references.Count; k++)
        {
            ArgumentNullException.ThrowIfNull(references[k].Word);
            referenceTokens.AddRange(WordErrorRate.Normalize(references[k].Word));
            lastToken[k] = referenceTokens.Count;
        }

        double?[] shownAt = new double?[references.Count];
        double?[] committedAt = new double?[references.Count];
        var replay = new EmissionReplay();
        string committedTranscript = string.Empty;
        int committedHits = 0;
        foreach (CaptionEmission emission in emissions)
        {
            if (!replay.TryAccept(emission, out _))
            {
                continue;
            }

            Mark(shownAt, lastToken, Hits(referenceTokens, replay.Transcript(committedOnly: false)), emission.EmittedSeconds);

            // The committed transcript changes only when a line commits or a committed line is replaced.
            string committed = replay.Transcript(committedOnly: true);
            if (!string.Equals(committed, committedTranscript, StringComparison.Ordinal))
            {
                committedTranscript = committed;
                committedHits = Hits(referenceTokens, committed);
            }

            Mark(committedAt, lastToken, committedHits, emission.EmittedSeconds);
        }

        var samples = new WordLagSample[references.Count];
        for (int k = 0; k < references.Count; k++)
        {
            double end = references[k].EndSeconds;
            samples[k] = new WordLagSample(k, references[k], shownAt[k] - end, committedAt[k] - end);
        }

        return samples;
    }

    /// <summary>Percentile of first-appearance lags over the words that appeared; null when none did.</summary>
    public static double? FirstShownPercentile(IEnumerable<WordLagSample> samples, double percent)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Percentiles.Of(samples.Where(s => s.FirstShownLagSeconds is not null).Select(s => s.FirstShownLagSeconds!.Value), percent);
    }

    /// <summary>Percentile of commit lags over the words that committed; null when none did.</summary>
    public static double? CommitPercentile(IEnumerable<WordLagSample> samples, double percent)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Percentiles.Of(samples.Where(s => s.CommitLagSeconds is not null).Select(s => s.CommitLagSeconds!.Value), percent);
    }

    private static int Hits(IReadOnlyList<string> referenceTokens, string transcript)
    {
        WordErrorCounts counts = WordErrorRate.Compute(referenceTokens, WordErrorRate.Normalize(transcript));
        return counts.ReferenceWords - counts.Substitutions - counts.Deletions;
    }

    private static void Mark(double?[] reachedAt, int[] lastToken, int hits, double time)
    {
        for (int k = 0; k < reachedAt.Length && lastToken[k] <= hits; k++)
        {
            reachedAt[k] ??= time;
        }
    }
}
