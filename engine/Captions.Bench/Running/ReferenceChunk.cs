using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Running;

/// <summary>
/// A stretch of reference speech between long pauses, with the audio span it owns (pause midpoints as borders).
/// Word-level metrics align captions against one chunk at a time: the cost of the alignment stays per utterance on
/// an hour-long session, and SimulEval's lagging is computed per segment as it is for segmented speech input.
/// </summary>
internal sealed record ReferenceChunk(int FirstIndex, IReadOnlyList<ReferenceWord> Words, double SpanStart, double SpanEnd)
{
    /// <summary>A pause at least this long between two reference words starts a new chunk.</summary>
    public const double PauseSeconds = 1.2;

    public static IReadOnlyList<ReferenceChunk> Split(IReadOnlyList<ReferenceWord> words, double durationSeconds)
    {
        var chunks = new List<ReferenceChunk>();
        var start = 0;
        var spanStart = 0.0;
        for (var i = 1; i <= words.Count; i++)
        {
            if (i < words.Count && words[i].StartSeconds - words[i - 1].EndSeconds < PauseSeconds)
            {
                continue;
            }

            var spanEnd = i < words.Count
                ? (words[i - 1].EndSeconds + words[i].StartSeconds) / 2
                : Math.Max(durationSeconds, words[i - 1].EndSeconds);
            chunks.Add(new ReferenceChunk(start, [.. words.Skip(start).Take(i - start)], spanStart, spanEnd));
            start = i;
            spanStart = spanEnd;
        }

        return chunks;
    }

    /// <summary>Index of the chunk that overlaps [start, end] most (the nearest one when none overlaps).</summary>
    public static int Owner(IReadOnlyList<ReferenceChunk> chunks, double start, double end)
    {
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < chunks.Count; i++)
        {
            var overlap = Math.Min(end, chunks[i].SpanEnd) - Math.Max(start, chunks[i].SpanStart);
            if (overlap > bestScore)
            {
                bestScore = overlap;
                best = i;
            }
        }

        return best;
    }
}
