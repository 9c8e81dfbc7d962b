using System.CommandLine;
using Captions.Cli.Configuration;

namespace Captions.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config")
    {
        Description = "Settings file (JSON) applied over appsettings.json; CAPTIONS_* variables and flags override it",
    };

    public static Option<string?> To() => new("--to")
    {
        Description = "Translate captions into this language (ISO 639-1, e.g. es); captions show source and translation",
    };

    public static Option<string?> From() => new("--from")
    {
        Description = "Language of the speech or text (ISO 639-1; default: the recogniser's language)",
    };

    public static Option<string?> Translator() => new("--translator")
    {
        Description = "auto (remote Qwen if configured, else on-device Qwen if installed, else Apertium), qwen, qwen-local, apertium, none",
    };

    public static Option<string?> Glossary() => new("--glossary")
    {
        Description = "Glossary file: one 'term = translation' per line, honoured by every translation",
    };

    public static Option<string?> Display() => new("--display")
    {
        Description = "Show captions on the glasses: sbs (one side-by-side display), dual (a display per eye), mono, or png:DIR (record frames)",
    };

    /// <summary>Flags win over files and environment, as everywhere else.</summary>
    public static void ApplyTranslation(
        ParseResult parse, CaptionsSettings settings, Option<string?> to, Option<string?> from, Option<string?> translator, Option<string?> glossary)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(settings);
        if (parse.GetValue(to) is { } target)
        {
            settings.Translation.To = target;
        }

        if (parse.GetValue(from) is { } source)
        {
            settings.Translation.From = source;
        }

        if (parse.GetValue(translator) is { } engine)
        {
            settings.Translation.Translator = engine;
        }

        if (parse.GetValue(glossary) is { } file)
        {
            settings.Translation.Glossary = file;
        }
    }
}
