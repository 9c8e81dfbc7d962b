using Captions.Cli.Configuration;

namespace Captions.Cli.Bench;

/// <summary>
/// A second (third, ...) configuration of ours for a side-by-side bench: <c>NAME:KEY=VALUE[,KEY=VALUE...]</c>, where
/// each KEY is a settings key as in appsettings.json ("Vad:Engine", "Whisper:StepMs", "Asr"), applied over the base.
/// </summary>
internal sealed record BenchVariant(string Name, IReadOnlyList<KeyValuePair<string, string>> Overrides)
{
    /// <exception cref="SettingsException">The text is not NAME:KEY=VALUE,... or names an unknown key.</exception>
    public static BenchVariant Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new SettingsException($"--variant '{text}': expected NAME:KEY=VALUE[,KEY=VALUE...] (e.g. silero:Vad:Engine=silero)");
        }

        var name = text[..colon];
        var overrides = new List<KeyValuePair<string, string>>();
        foreach (var pair in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new SettingsException($"--variant '{text}': '{pair}' is not KEY=VALUE");
            }

            var key = pair[..equals].Trim();
            var known = SettingsLoader.KnownKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                ?? throw new SettingsException($"--variant '{text}': unknown setting '{key}' (keys are as in appsettings.json, e.g. Vad:Engine, Whisper:Model, Asr)");
            overrides.Add(new KeyValuePair<string, string>(known, pair[(equals + 1)..].Trim()));
        }

        return overrides.Count == 0
            ? throw new SettingsException($"--variant '{text}': no KEY=VALUE after the name")
            : new BenchVariant(name, overrides);
    }

    /// <summary>The environment the settings loader reads, with this variant's keys as CAPTIONS_SECTION__KEY variables.</summary>
    public IReadOnlyDictionary<string, string?> Apply(IReadOnlyDictionary<string, string?> environment)
    {
        var result = new Dictionary<string, string?>(environment, StringComparer.Ordinal);
        foreach (var (key, value) in Overrides)
        {
            result[SettingsLoader.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return result;
    }
}
