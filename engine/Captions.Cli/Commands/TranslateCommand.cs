using System.CommandLine;
using Captions.Cli.Configuration;
using Captions.Engine.Translation;

namespace Captions.Cli.Commands;

/// <summary>
/// `captions translate --to es [--from en] [--translator ...] "text"` (or "-" to read lines from stdin): one-off
/// translation through the same translators, prompt and validation the captions use; prints each translation (or,
/// when it fails, the source line, with the reason on stderr and exit code 1).
/// </summary>
internal static class TranslateCommand
{
    public static Command Create(CliContext context)
    {
        var text = new Argument<string>("text") { Description = "Text to translate, or - to translate each line of stdin" };
        var to = CommonOptions.To();
        var from = CommonOptions.From();
        var translator = CommonOptions.Translator();
        var glossary = CommonOptions.Glossary();
        var config = CommonOptions.Config();
        var command = new Command("translate", "Translate text once, through the configured translator") { text, to, from, translator, glossary, config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = context.LoadSettings(parse.GetValue(config));
            CommonOptions.ApplyTranslation(parse, settings, to, from, translator, glossary);
            SettingsLoader.Validate(settings);
            if (settings.Translation.To is null)
            {
                context.Error.WriteLine("captions: translate needs --to LANGUAGE (e.g. --to es)");
                return ExitCodes.Usage;
            }

            var source = settings.Translation.From == "auto" ? "en" : settings.Translation.From;
            ITranslator? engine;
            try
            {
                engine = new TranslationEngines(context, settings).Create(source, out var notice);
                if (notice is not null)
                {
                    context.Error.WriteLine($"captions: {notice}");
                }
            }
            catch (TranslationException ex)
            {
                context.Error.WriteLine($"captions: {ex.Message}");
                return ExitCodes.Failure;
            }

            if (engine is null)
            {
                return ExitCodes.Failure;
            }

            await using (engine)
            {
                var glossaryEntries = settings.Translation.Glossary is { } file ? Glossary.Load(file) : Glossary.Empty;
                var input = parse.GetRequiredValue(text);
                var lines = input == "-" ? ReadLines(context.StandardInput) : [input];
                var failed = false;
                foreach (var line in lines)
                {
                    var request = new TranslationRequest(line, source, settings.Translation.To) { Glossary = glossaryEntries.Match(line) };
                    try
                    {
                        var final = string.Empty;
                        await foreach (var update in engine.TranslateAsync(request, cancellationToken))
                        {
                            final = update.Text;
                        }

                        context.Output.WriteLine(final);
                    }
                    catch (TranslationException ex)
                    {
                        context.Error.WriteLine($"captions: {engine.Name} ({ex.Kind}): {ex.Message}");
                        context.Output.WriteLine(line); // the source, as the captions show it: nothing lost
                        failed = true;
                    }
                }

                return failed ? ExitCodes.Failure : ExitCodes.Success;
            }
        });
        return command;
    }

    private static List<string> ReadLines(Stream stream)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
