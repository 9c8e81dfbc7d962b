namespace Captions.Engine.Metrics;

/// <summary>
/// Edit counts of a hypothesis against a reference, in words. Add counts of several utterances to get the
/// corpus-level rate (total errors over total reference words, not a mean of per-utterance rates).
/// </summary>
public readonly record struct WordErrorCounts(int Substitutions, int Deletions, int Insertions, int ReferenceWords)
{
    public int Errors => Substitutions + Deletions + Insertions;

    /// <summary>
    /// Errors / reference words; may exceed 1 when there are many insertions. With an empty reference it is 0 for
    /// an empty hypothesis and the insertion count otherwise (each inserted word counts as a whole error).
    /// </summary>
    public double Rate => (double)Errors / Math.Max(1, ReferenceWords);

    public static WordErrorCounts operator +(WordErrorCounts left, WordErrorCounts right) => new(
        left.Substitutions + right.Substitutions,
        left.Deletions + right.Deletions,
        left.Insertions + right.Insertions,
        left.ReferenceWords + right.ReferenceWords);

    public static WordErrorCounts Add(WordErrorCounts left, WordErrorCounts right) => left + right;

    public override string ToString() =>
        $"WER {Rate:P1} (S={Substitutions} D={Deletions} I={Insertions} N={ReferenceWords})";
}
