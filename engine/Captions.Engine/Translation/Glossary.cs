using System.Globalization;

namespace Captions.Engine.Translation;

/// <summary>
/// The user's required translations for names and terms, from a UTF-8 text file: one entry per line,
/// <c>source term = translation</c> or <c>source term&lt;TAB&gt;translation</c>; blank lines and lines starting with
/// <c>#</c> are ignored. Matching is case-insensitive on whole words, so "Ana" does not match inside "banana".
/// </summary>
public sealed class Glossary
{
    private static readonly Dictionary<string, string> s_noMatches = new(StringComparer.OrdinalIgnoreCase);

    private readonly List<KeyValuePair<string, string>> _entries;

    public Glossary(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries.Where(e => e.Key.Trim().Length > 0).OrderByDescending(e => e.Key.Length)];
    }

    public static Glossary Empty { get; } = new([]);

    public int Count => _entries.Count;

    /// <exception cref="FormatException">A line has no separator or an empty side; the message names file and line.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Glossary Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"glossary file '{path}' does not exist", path);
        }

        var entries = new List<KeyValuePair<string, string>>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var separator = line.IndexOf('\t', StringComparison.Ordinal);
            var width = 1;
            if (separator < 0)
            {
                separator = line.IndexOf(" = ", StringComparison.Ordinal);
                width = 3;
            }

            if (separator < 0)
            {
                separator = line.IndexOf('=', StringComparison.Ordinal);
                width = 1;
            }

            var term = separator > 0 ? line[..separator].Trim() : string.Empty;
            var translation = separator > 0 ? line[(separator + width)..].Trim() : string.Empty;
            if (term.Length == 0 || translation.Length == 0)
            {
                throw new FormatException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"glossary '{path}' line {number}: expected 'term = translation' (or a tab between them), got '{raw}'"));
            }

            entries.Add(new(term, translation));
        }

        return new Glossary(entries);
    }

    /// <summary>The entries whose source term occurs in <paramref name="text"/> as whole words.</summary>
    public IReadOnlyDictionary<string, string> Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Dictionary<string, string>? found = null;
        foreach (var (term, translation) in _entries)
        {
            var at = 0;
            while ((at = text.IndexOf(term, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var end = at + term.Length;
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    found ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    found.TryAdd(term, translation);
                    break;
                }

                at = end;
            }
        }

        return found ?? s_noMatches;
    }
}
