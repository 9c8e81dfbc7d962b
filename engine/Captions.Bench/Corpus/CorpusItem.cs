using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Corpus;

/// <summary>
/// One recording of a benchmark corpus, resolved and ready to replay: an existing 16-bit WAV file, what is said in
/// it (when known) and when each reference word is said (when aligned).
/// </summary>
/// <param name="Id">Unique within the corpus; names the item in reports.</param>
/// <param name="AudioPath">Absolute path of a WAV file that exists.</param>
/// <param name="Kind">"real", "synthetic", "noisy" or "session" (a long concatenation).</param>
/// <param name="Language">ISO 639-1 code of the speech ("en", "es", "zh", ...).</param>
public sealed record CorpusItem(string Id, string AudioPath, string Kind, string Language)
{
    /// <summary>The reference transcript; null means latency only (WER is skipped with a note).</summary>
    public string? Transcript { get; init; }

    /// <summary>Reference word timings on the audio timeline, in order; null when the item has no alignment.</summary>
    public IReadOnlyList<ReferenceWord>? Words { get; init; }

    /// <summary>Where <see cref="Words"/> came from ("pocketsphinx forced alignment", "synthesis"), for reports.</summary>
    public string? AlignmentSource { get; init; }

    /// <summary>Audio length in seconds (from the WAV header).</summary>
    public double DurationSeconds { get; init; }
}
