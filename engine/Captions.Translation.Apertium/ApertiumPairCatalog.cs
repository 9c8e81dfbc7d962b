using System.Text.RegularExpressions;

namespace Captions.Translation.Apertium;

/// <summary>
/// The translation directions installed in an Apertium modes directory (/usr/share/apertium/modes/*.mode), keyed by
/// canonical language codes so "en"/"eng" and "es"/"spa" both find "eng-spa", and "fr"/"fra" find "fr-es".
/// </summary>
/// <remarks>
/// Only plain LANG-LANG modes count: variants ("eng-cat_valencia", "spa-eng_US"), orthographies ("gl-pt-latin1") and
/// side modes ("eco-fr-es") are skipped, so each direction maps to the pair's default. When both spellings of a
/// direction are installed (a new "fra-spa" beside an old "fr-es") the 639-3 one wins: Apertium renamed pairs to
/// 639-3 as they were maintained, so it is the newer data.
/// </remarks>
internal sealed partial class ApertiumPairCatalog
{
    private readonly Dictionary<(string Source, string Target), ApertiumPair> _pairs = [];

    private ApertiumPairCatalog(string modesDirectory)
    {
        ModesDirectory = modesDirectory;
    }

    public string ModesDirectory { get; }

    public IReadOnlyCollection<ApertiumPair> Pairs => _pairs.Values;

    public static ApertiumPairCatalog Discover(string modesDirectory)
    {
        var catalog = new ApertiumPairCatalog(modesDirectory);
        if (!Directory.Exists(modesDirectory))
        {
            return catalog;
        }

        foreach (string file in Directory.EnumerateFiles(modesDirectory, "*.mode").Order(StringComparer.Ordinal))
        {
            string mode = Path.GetFileNameWithoutExtension(file);
            Match match = PlainMode().Match(mode);
            if (!match.Success)
            {
                continue;
            }

            string source = ApertiumLanguageCodes.Canonical(match.Groups[1].Value);
            string target = ApertiumLanguageCodes.Canonical(match.Groups[2].Value);
            var pair = new ApertiumPair(source, target, mode, file);
            if (!catalog._pairs.TryGetValue((source, target), out ApertiumPair? existing)
                || (existing.Mode.Length < mode.Length))
            {
                catalog._pairs[(source, target)] = pair;
            }
        }

        return catalog;
    }

    public ApertiumPair? Find(string source, string target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return _pairs.GetValueOrDefault((ApertiumLanguageCodes.Canonical(source), ApertiumLanguageCodes.Canonical(target)));
    }

    /// <summary>"en->ca, en->es, es->en, ..." (sorted), or "none" when nothing is installed.</summary>
    public string Describe()
    {
        if (_pairs.Count == 0)
        {
            return "none";
        }

        return string.Join(", ", _pairs.Keys.Select(k => $"{k.Source}->{k.Target}").Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("^([a-z]{2,3})-([a-z]{2,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainMode();
}
