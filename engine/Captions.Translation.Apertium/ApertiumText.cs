using System.Text;
using System.Text.RegularExpressions;

namespace Captions.Translation.Apertium;

/// <summary>
/// What goes into an Apertium pipeline and what a caption reader sees coming out.
/// </summary>
/// <remarks>
/// In: text reaches lt-proc without Apertium's deformatter (the warm pipeline runs the mode's stages directly), so
/// this does the deformatter's two jobs. (1) Control characters (C0, DEL, C1, line/paragraph separators) become
/// spaces: NUL ends a request in null-flush mode and a newline inside a caption would be a paragraph break. (2) The
/// stream-format metacharacters are backslash-escaped as apertium-destxt does (\ ^ $ [ ] { } / &lt; &gt; @): an
/// unescaped "[" opens a superblank that swallows everything up to a "]", across requests, and stalls the process.
/// Out: the escapes are undone. Unknown-word and generation-gap marks are not produced at all (the generator runs
/// with -n, as `apertium -u` does: "*xyzzy" comes out "xyzzy", "#canal" comes out "canal"); a reader is better
/// served by the word (usually a name) or the uninflected lemma than by a symbol meaning "the engine was unsure".
/// Any "*", "#" or "@" mark that still appears at the start of a word and was not in the source is dropped.
/// </remarks>
internal static partial class ApertiumText
{
    private const string Metacharacters = "\\^$[]{}/<>@";

    /// <summary>Control characters to spaces, whitespace runs collapsed, trimmed.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u2028' or '\u2029')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Backslash-escapes Apertium stream metacharacters in already neutralised text.</summary>
    public static string Escape(string neutralised)
    {
        ArgumentNullException.ThrowIfNull(neutralised);
        if (neutralised.AsSpan().IndexOfAny(Metacharacters) < 0)
        {
            return neutralised;
        }

        var builder = new StringBuilder(neutralised.Length + 8);
        foreach (char c in neutralised)
        {
            if (Metacharacters.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Pipeline output to caption text: escapes undone, stray marks dropped, whitespace tidied.</summary>
    public static string Clean(string output, string neutralisedSource)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(neutralisedSource);
        string text = Escaped().Replace(output, "$1");
        text = Marked().Replace(text, match =>
            neutralisedSource.Contains(match.Value, StringComparison.Ordinal) ? match.Value : match.Value[1..]);
        return Neutralise(text);
    }

    [GeneratedRegex(@"\\(.)", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Escaped();

    // A mark at the start of a word: start of text or after whitespace/opening punctuation, before a letter or digit.
    [GeneratedRegex(@"(?<=^|[\s(¿¡""'«])[*#@][\p{L}\p{N}][\p{L}\p{N}'-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Marked();
}
