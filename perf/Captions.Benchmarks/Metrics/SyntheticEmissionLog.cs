using Captions.Engine.Metrics.Latency;

namespace Captions.Benchmarks.Metrics;

/// <summary>
/// A deterministic caption session shaped like a streaming recogniser's output, for the latency metrics' benchmarks:
/// speech at ~150 words a minute in lines of 8-16 words with 0.6 s pauses; every 0.5 s of a line a partial version
/// shows the words heard up to 0.3 s ago (its last word wrong 30% of the time, so partials revise and erase); each
/// line commits 0.6 s after its last word with 5% of its words wrong. One hour: ~9,000 words, ~7,000 versions.
/// </summary>
internal sealed class SyntheticEmissionLog
{
    private const double PartialInterval = 0.5;
    private const double RecognitionDelay = 0.3;
    private const double ComputeDelay = 0.2;
    private const double CommitDelay = 0.6;
    private const double Pause = 0.6;

    private static readonly string[] s_vocabulary =
    [
        "the", "of", "and", "a", "to", "in", "is", "you", "that", "it", "he", "was", "for", "on", "are", "as", "with",
        "his", "they", "at", "be", "this", "have", "from", "or", "one", "had", "by", "word", "but", "not", "what", "all",
        "were", "we", "when", "your", "can", "said", "there", "use", "an", "each", "which", "she", "do", "how", "their",
        "if", "will", "up", "other", "about", "out", "many", "then", "them", "these", "so", "some", "her", "would",
        "make", "like", "him", "into", "time", "has", "look", "two", "more", "write", "go", "see", "number", "no", "way",
        "could", "people", "my", "than", "first", "water", "been", "call", "who", "oil", "its", "now", "find", "long",
        "down", "day", "did", "get", "come", "made", "may", "part", "station", "platform", "train", "ticket", "exit",
    ];

    private SyntheticEmissionLog(List<ReferenceWord> words, List<CaptionEmission> emissions, List<LagSample> commitLags)
    {
        Words = words;
        Emissions = emissions;
        CommitLags = commitLags;
    }

    /// <summary>What was said and when (word end = the lag's zero).</summary>
    public IReadOnlyList<ReferenceWord> Words { get; }

    /// <summary>Every caption version, in emission order.</summary>
    public IReadOnlyList<CaptionEmission> Emissions { get; }

    /// <summary>Per word: its end time and the lag to its line's commit (LagDrift's input).</summary>
    public IReadOnlyList<LagSample> CommitLags { get; }

    public static SyntheticEmissionLog Create(double minutes, int seed = 1)
    {
        var random = new Random(seed);
        var words = new List<ReferenceWord>();
        var emissions = new List<CaptionEmission>();
        var lags = new List<LagSample>();
        double t = 0;
        long id = 0;
        while (t < minutes * 60)
        {
            // One line: its words, back to back.
            int count = random.Next(8, 17);
            var line = new List<ReferenceWord>(count);
            for (int i = 0; i < count; i++)
            {
                double length = 0.25 + (random.NextDouble() * 0.3);
                line.Add(new ReferenceWord(Pick(random), t, t + length));
                t += length + 0.05;
            }

            double lineEnd = line[^1].EndSeconds;
            int version = 0;
            for (double now = line[0].StartSeconds + PartialInterval; now < lineEnd + CommitDelay; now += PartialInterval)
            {
                var heard = line.Where(w => w.EndSeconds <= now - RecognitionDelay).Select(w => w.Word).ToList();
                if (heard.Count == 0)
                {
                    continue;
                }

                if (random.NextDouble() < 0.3)
                {
                    heard[^1] = Pick(random);
                }

                emissions.Add(new CaptionEmission(id, ++version, false, string.Join(' ', heard), now + ComputeDelay));
            }

            double committedAt = lineEnd + CommitDelay;
            string final = string.Join(' ', line.Select(w => random.NextDouble() < 0.05 ? Pick(random) : w.Word));
            emissions.Add(new CaptionEmission(id, version + 1, true, final, committedAt));
            foreach (ReferenceWord word in line)
            {
                lags.Add(new LagSample(word.EndSeconds, committedAt - word.EndSeconds));
            }

            words.AddRange(line);
            id++;
            t = lineEnd + Pause;
        }

        return new SyntheticEmissionLog(words, emissions, lags);
    }

    private static string Pick(Random random) => s_vocabulary[random.Next(s_vocabulary.Length)];
}
