using System.Text;

namespace Captions.Engine.Metrics;

/// <summary>
/// Word error rate: word-level Levenshtein distance between a reference and a hypothesis after normalisation
/// (lower case, punctuation removed, whitespace collapsed), split into substitutions, deletions and insertions.
/// </summary>
public static class WordErrorRate
{
    /// <summary>Aligns <paramref name="hypothesis"/> against <paramref name="reference"/> and counts the edits.</summary>
    public static WordErrorCounts Compute(string reference, string hypothesis)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(hypothesis);
        return Compute(Normalize(reference), Normalize(hypothesis));
    }

    /// <summary>Counts the edits between two already normalised word sequences.</summary>
    public static WordErrorCounts Compute(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(hypothesis);

        // Two rows of cells over the hypothesis, each cell carrying its edit counts, so memory is O(hypothesis)
        // and a corpus-length text does not need a reference x hypothesis matrix.
        var previous = new Cell[hypothesis.Count + 1];
        var current = new Cell[hypothesis.Count + 1];
        for (int j = 1; j <= hypothesis.Count; j++)
        {
            previous[j] = previous[j - 1] with { Insertions = previous[j - 1].Insertions + 1 };
        }

        for (int i = 1; i <= reference.Count; i++)
        {
            current[0] = previous[0] with { Deletions = previous[0].Deletions + 1 };
            for (int j = 1; j <= hypothesis.Count; j++)
            {
                bool match = string.Equals(reference[i - 1], hypothesis[j - 1], StringComparison.Ordinal);
                Cell diagonal = match ? previous[j - 1] : previous[j - 1] with { Substitutions = previous[j - 1].Substitutions + 1 };
                Cell deletion = previous[j] with { Deletions = previous[j].Deletions + 1 };
                Cell insertion = current[j - 1] with { Insertions = current[j - 1].Insertions + 1 };

                // Ties prefer the diagonal, then deletion: one substitution rather than a deletion plus an insertion.
                Cell best = diagonal;
                if (deletion.Cost < best.Cost)
                {
                    best = deletion;
                }

                if (insertion.Cost < best.Cost)
                {
                    best = insertion;
                }

                current[j] = best;
            }

            (previous, current) = (current, previous);
        }

        Cell result = previous[hypothesis.Count];
        return new WordErrorCounts(result.Substitutions, result.Deletions, result.Insertions, reference.Count);
    }

    /// <summary>Sums per-utterance counts into corpus-level counts.</summary>
    public static WordErrorCounts Aggregate(IEnumerable<WordErrorCounts> utterances)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        WordErrorCounts total = default;
        foreach (WordErrorCounts counts in utterances)
        {
            total += counts;
        }

        return total;
    }

    /// <summary>
    /// Lower-cases, turns punctuation and symbols into word breaks and splits on whitespace. An apostrophe between
    /// letters stays ("don't", "john's" are dictionary words); a hyphen separates ("cold-hearted" = "cold hearted").
    /// </summary>
    public static IReadOnlyList<string> Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]))
            {
                builder.Append('\'');
            }
            else
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private readonly record struct Cell(int Substitutions, int Deletions, int Insertions)
    {
        public int Cost => Substitutions + Deletions + Insertions;
    }
}
