using System.CommandLine;
using Captions.Cli.Commands;
using Captions.Cli.Configuration;

namespace Captions.Cli.Look;

/// <summary>`captions look`: translate the signs and menus a photo, a folder, a video or a live camera shows.</summary>
internal static class LookCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "A photo, a folder of photos, a video file, or camera[:/dev/videoN] (a live camera through ffmpeg -f v4l2)",
            Required = true,
        };
        var events = new Option<string?>("--events") { Description = "Write sign events (appeared, changed, retired) with boxes and latency stamps as JSON lines" };
        var menu = new Option<bool>("--menu") { Description = "Menu mode: group lines into dishes with prices; prices and numbers stay as printed" };
        var ocr = new Option<string?>("--ocr") { Description = "Text recogniser: auto (PP-OCR, Tesseract for kana, hangul and accented Latin), ppocr, tesseract" };
        ocr.AcceptOnlyFromAmong("auto", "ppocr", "tesseract");
        var calibration = new Option<string?>("--calibration") { Description = "Camera-to-display map: fit, h:<9 numbers>, or points:cx,cy=>dx,dy;... (4 pairs)" };
        var fast = new Option<bool>("--fast") { Description = "Play a video as fast as it decodes rather than at its frame rate" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print overlays to the terminal" };
        var display = CommonOptions.Display();
        var config = CommonOptions.Config();
        var to = CommonOptions.To();
        var from = CommonOptions.From();
        var translator = CommonOptions.Translator();
        var glossary = CommonOptions.Glossary();

        var command = new Command("look", "Translate the signs and menus in a photo, a folder of photos, a video or a live camera")
        {
            input, events, menu, ocr, calibration, fast, quiet, config, to, from, translator, glossary, display,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = context.LoadSettings(parse.GetValue(config));
            CommonOptions.ApplyTranslation(parse, settings, to, from, translator, glossary);
            if (parse.GetValue(menu))
            {
                settings.Vision.Menu = true;
            }

            if (parse.GetValue(ocr) is { } chosen)
            {
                settings.Vision.Ocr = chosen;
            }

            if (parse.GetValue(calibration) is { } map)
            {
                settings.Vision.Calibration = map;
            }

            if (parse.GetValue(display) is { } target)
            {
                settings.Display.Target = target;
            }

            SettingsLoader.Validate(settings);
            Display.DisplayTarget.TryParse(settings.Display.Target, out var displayTarget);
            var request = new LookRequest(parse.GetRequiredValue(input), parse.GetValue(events), Terminal: !parse.GetValue(quiet))
            {
                Display = displayTarget,
                Fast = parse.GetValue(fast),
            };
            return await new LookRunner(context, settings).RunAsync(request, cancellationToken);
        });
        return command;
    }
}
