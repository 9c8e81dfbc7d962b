namespace Captions.Engine.Translation.Prompting;

/// <summary>English names for the ISO 639-1 codes captions use; models follow "Spanish" better than "es".</summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, string> s_names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English", ["es"] = "Spanish", ["fr"] = "French", ["de"] = "German", ["it"] = "Italian",
        ["pt"] = "Portuguese", ["nl"] = "Dutch", ["ca"] = "Catalan", ["pl"] = "Polish", ["ru"] = "Russian",
        ["uk"] = "Ukrainian", ["zh"] = "Chinese", ["ja"] = "Japanese", ["ko"] = "Korean", ["ar"] = "Arabic",
        ["he"] = "Hebrew", ["hi"] = "Hindi", ["th"] = "Thai", ["vi"] = "Vietnamese", ["tr"] = "Turkish",
        ["el"] = "Greek", ["sv"] = "Swedish", ["id"] = "Indonesian",
    };

    /// <summary>"Spanish (es)" for a known code, "the detected language" for "auto", else the code itself (sanitised).</summary>
    public static string Describe(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return "the language it is written in";
        }

        if (s_names.TryGetValue(code, out var name))
        {
            return $"{name} ({code.ToLowerInvariant()})";
        }

        // Language codes come from config, but keep them to letters and '-' so they cannot carry prompt text.
        var safe = new string(code.Where(c => char.IsAsciiLetter(c) || c == '-').Take(16).ToArray());
        return safe.Length == 0 ? "the target language" : safe;
    }
}
