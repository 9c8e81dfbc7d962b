using Captions.Cli.Configuration;
using Captions.Engine.Hosting;
using Captions.Engine.Models;
using Captions.Engine.Translation;
using Captions.Translation.Apertium;
using Captions.Translation.Qwen;

namespace Captions.Cli.Commands;

/// <summary>
/// Picks and builds the translator the settings ask for. "auto": remote Qwen when an endpoint is configured, else
/// on-device Qwen when a GGUF is installed or named, else Apertium when it has the pair; none of them: captions stay
/// untranslated with a one-line notice.
/// </summary>
internal sealed class TranslationEngines(CliContext context, CaptionsSettings settings)
{
    public const string DefaultLocalModel = "qwen2.5-0.5b-instruct";

    /// <summary>Null when no target language is set or "none" was chosen.</summary>
    /// <exception cref="TranslationException">The chosen translator cannot run (message says why and what to do).</exception>
    public ITranslator? Create(string sourceLanguage, out string? notice)
    {
        notice = null;
        var translation = settings.Translation;
        if (translation.To is not { } target || translation.Translator == "none")
        {
            return null;
        }

        var source = translation.From == "auto" ? sourceLanguage : translation.From;
        switch (translation.Translator)
        {
            case "qwen":
                return CreateRemote() ?? throw new TranslationException(
                    TranslationFailureKind.Unreachable,
                    $"--translator qwen needs an endpoint: set {QwenTranslatorOptions.BaseUrlVariable} (a URL or a preset: {string.Join(", ", QwenEndpointPreset.All.Select(p => p.Name))}) or Translation:Qwen:BaseUrl / Preset");
            case "qwen-local":
                return CreateLocal() ?? throw new TranslationException(
                    TranslationFailureKind.ModelUnavailable,
                    $"--translator qwen-local needs a Qwen GGUF: run `captions models pull {DefaultLocalModel}` on a machine with internet, or set Translation:Qwen:LocalModel to a .gguf file");
            case "apertium":
                return CreateApertium(source, target, required: true);
        }

        if (CreateRemote() is { } remote)
        {
            return remote;
        }

        if (CreateLocal() is { } local)
        {
            return local;
        }

        if (CreateApertium(source, target, required: false) is { } apertium)
        {
            notice = $"translating with Apertium (offline, rule-based): no Qwen endpoint ({QwenTranslatorOptions.BaseUrlVariable}) or on-device model is configured";
            return apertium;
        }

        notice = $"captions are not translated: no Qwen endpoint ({QwenTranslatorOptions.BaseUrlVariable}), no on-device Qwen model, and Apertium has no {source}->{target} pair";
        return null;
    }

    private QwenTranslator? CreateRemote()
    {
        var qwen = settings.Translation.Qwen;
        QwenTranslatorOptions? options;
        if (qwen.BaseUrl is { } baseUrl)
        {
            var preset = QwenEndpointPreset.Find(baseUrl) ?? QwenEndpointPreset.Match(new Uri(baseUrl));
            options = new QwenTranslatorOptions
            {
                BaseUrl = preset?.Name.Equals(baseUrl, StringComparison.OrdinalIgnoreCase) == true ? preset.BaseUrl : new Uri(baseUrl),
                Model = qwen.Model ?? preset?.DefaultModel ?? throw new TranslationException(
                    TranslationFailureKind.Unreachable, $"Translation:Qwen:Model (or CAPTIONS_QWEN_MODEL) is required for {baseUrl}"),
                ApiKey = qwen.ApiKey,
            };
        }
        else if (qwen.Preset is { } name)
        {
            options = QwenTranslatorOptions.FromPreset(QwenEndpointPreset.Find(name)!, qwen.ApiKey, qwen.Model);
        }
        else
        {
            return null;
        }

        return new QwenTranslator(options);
    }

    private QwenLocalTranslator? CreateLocal()
    {
        string? model = null;
        var store = ModelsCommand.OpenStore(context, settings);
        if (settings.Translation.Qwen.LocalModel is { } named)
        {
            model = store.Resolve(named); // throws with pull instructions when a named model is absent
        }
        else
        {
            model = ModelCatalog.QwenModels.Select(m => store.FindInstalled(m)?.Path).FirstOrDefault(p => p is not null);
        }

        if (model is null)
        {
            return null;
        }

        var paths = new CaptionsPaths(name => context.Environment.GetValueOrDefault(name));
        return QwenLocalTranslator.Load(paths.LlamaLibraryDirectory, model);
    }

    private ApertiumTranslator? CreateApertium(string source, string target, bool required)
    {
        var apertium = new ApertiumTranslator();
        if (apertium.Supports(source, target))
        {
            return apertium;
        }

        _ = apertium.DisposeAsync();
        if (required)
        {
            throw new TranslationException(
                TranslationFailureKind.UnsupportedPair,
                $"Apertium has no {source}->{target} pair; installed: {string.Join(", ", apertium.InstalledPairs.Select(p => $"{p.Source}->{p.Target}"))}");
        }

        return null;
    }
}
