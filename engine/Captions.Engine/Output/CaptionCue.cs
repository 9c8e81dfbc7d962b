namespace Captions.Engine.Output;

/// <summary>
/// One subtitle cue as laid out by <see cref="CaptionTextLayout"/>: what a viewer sees at once, in stream time.
/// </summary>
/// <param name="Start">When the cue appears.</param>
/// <param name="End">When it disappears; may equal <paramref name="Start"/> (writers enforce a minimum duration).</param>
/// <param name="Lines">Source-language lines, top to bottom (empty only when the source ran out in a bilingual layout).</param>
/// <param name="TranslationLines">Translation lines shown below the source; empty when the layout is monolingual.</param>
public sealed record CaptionCue(TimeSpan Start, TimeSpan End, IReadOnlyList<string> Lines, IReadOnlyList<string> TranslationLines);
