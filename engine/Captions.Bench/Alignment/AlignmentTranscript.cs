using System.Globalization;
using System.Text;

namespace Captions.Bench.Alignment;

/// <summary>
/// A transcript split into the words a forced alignment reports, each spelled as the pronunciation dictionary
/// spells it (lower case, apostrophes kept as in cmudict's "don't", surrounding punctuation dropped).
/// A hyphenated word the dictionary lacks ("cold-hearted") is aligned as its parts and reported as one word
/// spanning them, so the output keeps one entry per transcript word.
/// </summary>
internal sealed class AlignmentTranscript
{
    private AlignmentTranscript(IReadOnlyList<Token> tokens) => Tokens = tokens;

    /// <summary>The transcript's words in order.</summary>
    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>The dictionary words the decoder must find, in order (the parts of every token).</summary>
    public IEnumerable<string> DictionaryWords => Tokens.SelectMany(t => t.Parts);

    /// <summary>
    /// Splits and normalises <paramref name="transcript"/>; <paramref name="inDictionary"/> says whether the
    /// dictionary has a (normalised) word.
    /// </summary>
    /// <exception cref="AlignmentException">The transcript has no words, or words the dictionary lacks: all of them
    /// are named, with their position, because numbers and names usually come in groups.</exception>
    public static AlignmentTranscript Parse(string transcript, Func<string, bool> inDictionary)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(inDictionary);
        var tokens = new List<Token>();
        var missing = new List<string>();
        string? firstMissing = null;
        string[] written = transcript.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < written.Length; i++)
        {
            string word = Normalize(written[i]);
            if (word.Length == 0)
            {
                // Free-standing punctuation ("-", "...") is not a word.
                continue;
            }

            // An apostrophe at either end may be a quote mark or belong to the word ("'tis", "americans'"):
            // the dictionary decides.
            string bare = word.Trim('\'');
            string? known = inDictionary(word) ? word : bare.Length > 0 && inDictionary(bare) ? bare : null;
            if (known is not null)
            {
                tokens.Add(new Token(written[i], known, [known]));
                continue;
            }

            string[] parts = bare.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1 && parts.All(inDictionary))
            {
                tokens.Add(new Token(written[i], bare, parts));
                continue;
            }

            string hint = word.Any(char.IsAsciiDigit) ? " (spell numbers out as words)" : string.Empty;
            missing.Add($"'{written[i]}' (word {i + 1}){hint}");
            firstMissing ??= written[i];
        }

        if (missing.Count > 0)
        {
            throw new AlignmentException(
                $"The transcript has {(missing.Count == 1 ? "a word" : "words")} the pronunciation dictionary lacks: {string.Join(", ", missing)}. "
                + "Forced alignment needs every word's pronunciation: spell it as the dictionary does, or add it to the dictionary.",
                firstMissing);
        }

        if (tokens.Count == 0)
        {
            throw new AlignmentException($"The transcript has no words to align: '{transcript}'.");
        }

        return new AlignmentTranscript(tokens);
    }

    /// <summary>
    /// Lower case, typographic apostrophes as "'", and only letters, digits, apostrophes and hyphens kept
    /// ("Americans," -> "americans", "Don’t" -> "don't"); hyphens at the ends are dashes and go.
    /// </summary>
    internal static string Normalize(string written)
    {
        var builder = new StringBuilder(written.Length);
        foreach (char c in written.Normalize(NormalizationForm.FormC))
        {
            char lower = char.ToLower(c, CultureInfo.InvariantCulture);
            if (char.IsLetterOrDigit(lower) || lower == '-')
            {
                builder.Append(lower);
            }
            else if (lower is '\'' or '\u2019' or '\u2018')
            {
                builder.Append('\'');
            }
        }

        return builder.ToString().Trim('-');
    }

    /// <summary>A transcript word: as written, normalised, and the dictionary words it is aligned as.</summary>
    internal sealed record Token(string Written, string Word, IReadOnlyList<string> Parts);
}
