namespace Captions.Engine.Translation;

/// <summary>How the translator stage decides what to translate and when.</summary>
public sealed record TranslatorStageOptions
{
    /// <summary>Source language (ISO 639-1) or "auto".</summary>
    public string SourceLanguage { get; init; } = "auto";

    /// <summary>Target language (ISO 639-1).</summary>
    public required string TargetLanguage { get; init; }

    /// <summary>
    /// A partial line is translated at most this often (and only when its words changed), so the translation under a
    /// growing line updates in steps a reader can follow instead of flickering with every recogniser step.
    /// </summary>
    public TimeSpan PartialInterval { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Translate partial lines at all (off: only committed lines get a translation).</summary>
    public bool TranslatePartials { get; init; } = true;

    /// <summary>Committed source lines passed as context with each committed request (consistent names and terms).</summary>
    public int ContextLines { get; init; } = 3;

    /// <summary>
    /// A committed line waits at most this long for its translation; after it, the line is committed with the source
    /// text marked untranslated (a caption is stale after a second or two; this bounds the wait on top of the
    /// translator's own timeouts).
    /// </summary>
    public TimeSpan CommittedTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Finished translations kept for repeats (signs repeat).</summary>
    public int CacheCapacity { get; init; } = 512;

    public Glossary Glossary { get; init; } = Glossary.Empty;

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(TargetLanguage);
        ArgumentException.ThrowIfNullOrWhiteSpace(SourceLanguage);
        ArgumentOutOfRangeException.ThrowIfLessThan(PartialInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(ContextLines);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CommittedTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CacheCapacity);
    }
}
