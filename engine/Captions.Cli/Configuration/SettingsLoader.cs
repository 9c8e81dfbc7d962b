using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Captions.Cli.Configuration;

/// <summary>Loads <see cref="CaptionsSettings"/> from files and environment, rejecting unknown keys and bad values.</summary>
public static class SettingsLoader
{
    public const string EnvironmentPrefix = "CAPTIONS_";

    // The names the issue and the README give for the remote endpoint, next to the generic CAPTIONS_SECTION__KEY form.
    private static readonly Dictionary<string, string> s_qwenAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["QWEN_BASE_URL"] = "Translation:Qwen:BaseUrl",
        ["QWEN_MODEL"] = "Translation:Qwen:Model",
        ["QWEN_API_KEY"] = "Translation:Qwen:ApiKey",
    };

    private static readonly HashSet<string> s_knownKeys = CollectKeys(typeof(CaptionsSettings), prefix: null);

    public static IReadOnlyCollection<string> KnownKeys => s_knownKeys;

    /// <param name="configFile">A file named with --config (must exist), or null.</param>
    /// <param name="environment">Environment variables (injected so tests don't touch the process's).</param>
    public static CaptionsSettings Load(string? configFile, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var builder = new ConfigurationBuilder();
        var defaults = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var files = new List<string>();
        if (File.Exists(defaults))
        {
            files.Add(defaults);
        }

        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new SettingsException($"settings file '{configFile}' does not exist");
            }

            files.Add(full);
        }

        foreach (var file in files)
        {
            ValidateFile(file);
            builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        // Only variables that name a known setting are read; other CAPTIONS_* variables (CAPTIONS_CACHE_DIR and the
        // like) belong to the bootstrap and tests.
        var fromEnvironment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment)
        {
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            if (s_qwenAliases.TryGetValue(key, out var alias))
            {
                key = alias;
            }

            if (s_knownKeys.Contains(key))
            {
                fromEnvironment[key] = value;
            }
        }

        builder.AddInMemoryCollection(fromEnvironment);
        var configuration = builder.Build();
        var settings = new CaptionsSettings();
        try
        {
            configuration.Bind(settings, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new SettingsException($"invalid setting: {ex.Message}", ex);
        }

        return settings;
    }

    /// <summary>Checks values that binding cannot (ranges, choices). Call after flags are applied.</summary>
    public static void Validate(CaptionsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Require(settings.Asr is "auto" or "whisper" or "sphinx", "Asr", settings.Asr, "expected 'auto', 'whisper' or 'sphinx'");
        Require(settings.Vad.Engine is "auto" or "silero" or "energy", "Vad:Engine", settings.Vad.Engine, "expected 'auto', 'silero' or 'energy'");
        Require(settings.Whisper.Threads is >= 0 and <= 64, "Whisper:Threads", settings.Whisper.Threads, "expected 0..64 (0 = automatic)");
        Require(settings.Whisper.StepMs is >= 200 and <= 5000, "Whisper:StepMs", settings.Whisper.StepMs, "expected 200..5000");
        Require(settings.Whisper.Language.Length is >= 2 and <= 5, "Whisper:Language", settings.Whisper.Language, "expected an ISO 639-1 code or 'auto'");
        Require(settings.Pacing is "realtime" or "fast", "Pacing", settings.Pacing, "expected 'realtime' or 'fast'");
        Require(settings.Vad.ThresholdDb is > 0 and <= 60, "Vad:ThresholdDb", settings.Vad.ThresholdDb, "expected 0 < dB <= 60");
        Require(settings.Vad.MinSpeechMs is >= 20 and <= 2000, "Vad:MinSpeechMs", settings.Vad.MinSpeechMs, "expected 20..2000");
        Require(settings.Vad.HangoverMs is >= 20 and <= 5000, "Vad:HangoverMs", settings.Vad.HangoverMs, "expected 20..5000");
        Require(settings.Vad.PreRollMs is >= 0 and <= 2000, "Vad:PreRollMs", settings.Vad.PreRollMs, "expected 0..2000");
        Require(settings.Vad.MaxUtteranceSeconds is >= 3 and <= 60, "Vad:MaxUtteranceSeconds", settings.Vad.MaxUtteranceSeconds, "expected 3..60");
        Require(settings.Output.MaxLineLength is >= 10 and <= 200, "Output:MaxLineLength", settings.Output.MaxLineLength, "expected 10..200");
        Require(settings.Output.MaxLines is >= 1 and <= 4, "Output:MaxLines", settings.Output.MaxLines, "expected 1..4");
        Require(settings.Input.RawSampleRate is >= 4000 and <= 384_000, "Input:RawSampleRate", settings.Input.RawSampleRate, "expected 4000..384000 Hz");
        Require(settings.Input.RawChannels is >= 1 and <= 32, "Input:RawChannels", settings.Input.RawChannels, "expected 1..32");
        Require(settings.Translation.Translator is "auto" or "qwen" or "qwen-local" or "apertium" or "none", "Translation:Translator", settings.Translation.Translator, "expected 'auto', 'qwen', 'qwen-local', 'apertium' or 'none'");
        Require(settings.Translation.To is null || IsLanguage(settings.Translation.To), "Translation:To", settings.Translation.To, "expected an ISO 639-1 code such as 'es'");
        Require(settings.Translation.From == "auto" || IsLanguage(settings.Translation.From), "Translation:From", settings.Translation.From, "expected an ISO 639-1 code or 'auto'");
        Require(settings.Translation.PartialIntervalMs is >= 0 and <= 10_000, "Translation:PartialIntervalMs", settings.Translation.PartialIntervalMs, "expected 0..10000");
        Require(settings.Translation.CommittedTimeoutMs is >= 100 and <= 60_000, "Translation:CommittedTimeoutMs", settings.Translation.CommittedTimeoutMs, "expected 100..60000");
        Require(settings.Translation.Qwen.Preset is null or "dashscope" or "dashscope-cn" or "vllm" or "llama.cpp" or "ollama", "Translation:Qwen:Preset", settings.Translation.Qwen.Preset, "expected dashscope, dashscope-cn, vllm, llama.cpp or ollama");
        Require(settings.Translation.Qwen.BaseUrl is null || Uri.TryCreate(settings.Translation.Qwen.BaseUrl, UriKind.Absolute, out _), "Translation:Qwen:BaseUrl", settings.Translation.Qwen.BaseUrl, "expected an absolute http(s) URL");
        Require(Display.DisplayTarget.TryParse(settings.Display.Target, out _), "Display:Target", settings.Display.Target, "expected none, sbs, dual, mono or png:DIR");
        Require(Display.DisplayTarget.TryParseSize(settings.Display.Eye, out _, out _), "Display:Eye", settings.Display.Eye, "expected WIDTHxHEIGHT, each 64..8192, e.g. 1920x1080");
        Require(settings.Display.RefreshHz is >= 1 and <= 500, "Display:RefreshHz", settings.Display.RefreshHz, "expected 1..500");
        Require(settings.Display.DepthMetres is >= 0.1 and <= 1000 && double.IsFinite(settings.Display.DepthMetres), "Display:DepthMetres", settings.Display.DepthMetres, "expected 0.1..1000 metres");
        Require(settings.Display.IpdMillimetres is >= 40 and <= 90, "Display:IpdMillimetres", settings.Display.IpdMillimetres, "expected 40..90 mm");
        Require(settings.Display.FieldOfViewDegrees is >= 5 and <= 170, "Display:FieldOfViewDegrees", settings.Display.FieldOfViewDegrees, "expected 5..170 degrees");
        Require(Display.DisplayTarget.TryParseOffset(settings.Display.LeftCalibration, out _), "Display:LeftCalibration", settings.Display.LeftCalibration, "expected X,Y in pixels, e.g. -3,1");
        Require(Display.DisplayTarget.TryParseOffset(settings.Display.RightCalibration, out _), "Display:RightCalibration", settings.Display.RightCalibration, "expected X,Y in pixels, e.g. 2,0");
        Require(settings.Display.Brightness is >= 0 and <= 1, "Display:Brightness", settings.Display.Brightness, "expected 0..1");
        Require(settings.Display.Contrast is >= 0.25 and <= 4, "Display:Contrast", settings.Display.Contrast, "expected 0.25..4");
        Require(settings.Display.Effect is "none" or "shadow" or "outline", "Display:Effect", settings.Display.Effect, "expected none, shadow or outline");
        Require(settings.Vision.Ocr is "auto" or "ppocr" or "tesseract", "Vision:Ocr", settings.Vision.Ocr, "expected auto, ppocr or tesseract");
        Require(settings.Vision.DetectionMaxSide is >= 160 and <= 4096 && settings.Vision.DetectionMaxSide % 32 == 0, "Vision:DetectionMaxSide", settings.Vision.DetectionMaxSide, "expected a multiple of 32 in 160..4096");
        Require(IsCalibration(settings.Vision.Calibration), "Vision:Calibration", settings.Vision.Calibration, "expected fit, h:<9 numbers> or points:cx,cy=>dx,dy;... (4 pairs)");
        Require(settings.Vision.Votes is >= 1 and <= 10, "Vision:Votes", settings.Vision.Votes, "expected 1..10");
        Require(settings.Vision.RetireAfterFrames is >= 1 and <= 1000, "Vision:RetireAfterFrames", settings.Vision.RetireAfterFrames, "expected 1..1000 frames");
        Require(settings.Vision.MaxRegions is >= 1 and <= 1000, "Vision:MaxRegions", settings.Vision.MaxRegions, "expected 1..1000");
        Require(settings.Vision.PhotoIntervalMs is >= 0 and <= 600_000, "Vision:PhotoIntervalMs", settings.Vision.PhotoIntervalMs, "expected 0..600000 ms");
        Require(settings.Input.MicrophoneBackend is "pulse" or "alsa", "Input:MicrophoneBackend", settings.Input.MicrophoneBackend, "expected 'pulse' or 'alsa'");
    }

    private static bool IsCalibration(string setting)
    {
        try
        {
            Captions.Vision.Display.CameraCalibration.Parse(setting ?? "", 1280, 720, 1920, 1080);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsLanguage(string code) => code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower);

    private static void Require(bool condition, string key, object? value, string expectation)
    {
        if (!condition)
        {
            throw new SettingsException(
                string.Create(CultureInfo.InvariantCulture, $"setting {key} = '{value}' is invalid: {expectation}"));
        }
    }

    private static void ValidateFile(string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SettingsException($"settings file '{file}' is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new SettingsException($"settings file '{file}' must hold a JSON object");
            }

            foreach (var key in Flatten(document.RootElement, prefix: null))
            {
                if (!s_knownKeys.Contains(key))
                {
                    throw new SettingsException(
                        $"unknown setting '{key}' in '{file}'; known settings: {string.Join(", ", s_knownKeys.Order(StringComparer.Ordinal))}");
                }
            }
        }
    }

    private static IEnumerable<string> Flatten(JsonElement element, string? prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix is null ? property.Name : $"{prefix}:{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().Any())
            {
                foreach (var nested in Flatten(property.Value, key))
                {
                    yield return nested;
                }
            }
            else if (property.Value.ValueKind != JsonValueKind.Object)
            {
                yield return key;
            }
        }
    }

    private static HashSet<string> CollectKeys(Type type, string? prefix)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = prefix is null ? property.Name : $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            // Lists (Display:Fonts) are one setting: a JSON array under one key.
            if (propertyType.IsClass && propertyType != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
            {
                keys.UnionWith(CollectKeys(propertyType, key));
            }
            else
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
