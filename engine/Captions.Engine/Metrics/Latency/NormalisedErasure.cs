namespace Captions.Engine.Metrics.Latency;

/// <summary>
/// Normalised erasure ("flicker"): characters deleted from the shown text per character of the final committed text,
/// after Arivazhagan et al. 2020, "Re-translation versus Streaming for Simultaneous Translation" (IWSLT), where
/// NE = (1/|final|) * sum over revisions of (|previous| - |longest common prefix(previous, new)|). The paper counts
/// tokens; the issue asks for characters (UTF-16 code units here), which also works for CJK without a tokenizer.
/// </summary>
/// <remarks>
/// For each line id, version to version, erasure = length of the previously shown text minus the length of its
/// longest common prefix with the new text; the first version of a line erases nothing. Sum over all versions and
/// lines, divide by the total length of the final texts of the lines whose last accepted version is committed.
/// A line that never commits adds its erasures but nothing to the denominator. Stale versions are skipped (see
/// <see cref="EmissionReplay"/>). An append-only log scores exactly 0.
/// </remarks>
public static class NormalisedErasure
{
    /// <summary>
    /// Erased characters over committed characters; 0 for an empty log; <see langword="null"/> when nothing was
    /// committed but something was erased (the ratio has no denominator).
    /// </summary>
    public static double? Compute(IReadOnlyList<CaptionEmission> emissions)
    {
        (long erased, long committed) = Count(emissions);
        if (committed == 0)
        {
            return erased == 0 ? 0 : null;
        }

        return (double)erased / committed;
    }

    /// <summary>The numerator and denominator of <see cref="Compute"/>, for sums over several sessions.</summary>
    public static (long ErasedCharacters, long CommittedCharacters) Count(IReadOnlyList<CaptionEmission> emissions)
    {
        ArgumentNullException.ThrowIfNull(emissions);
        var replay = new EmissionReplay();
        long erased = 0;
        foreach (CaptionEmission emission in emissions)
        {
            if (replay.TryAccept(emission, out CaptionEmission previous) && previous.Text is { } shown)
            {
                erased += shown.Length - CommonPrefixLength(shown, emission.Text);
            }
        }

        long committed = 0;
        foreach (CaptionEmission line in replay.Current.Values)
        {
            if (line.Committed)
            {
                committed += line.Text.Length;
            }
        }

        return (erased, committed);
    }

    private static int CommonPrefixLength(string a, string b) => a.AsSpan().CommonPrefixLength(b);
}
