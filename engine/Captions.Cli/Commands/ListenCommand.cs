using System.CommandLine;
using Captions.Cli.Configuration;

namespace Captions.Cli.Commands;

/// <summary>`captions listen`: conversation captions from a recording, raw PCM on stdin, or a microphone.</summary>
internal static class ListenCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "A WAV file, '-' for raw s16le PCM on stdin, or 'mic[:DEVICE]' for a live microphone through ffmpeg",
            Required = true,
        };
        var asr = new Option<string?>("--asr") { Description = "Speech recogniser: auto (whisper when a model is installed, else sphinx), whisper, sphinx" };
        asr.AcceptOnlyFromAmong("auto", "whisper", "sphinx");
        var model = new Option<string?>("--model", "-m") { Description = "Whisper model: a catalog name (base.en, tiny, ...) or a ggml file path" };
        var vad = new Option<string?>("--vad") { Description = "Voice activity detector: auto (silero when present, else energy), silero, energy" };
        vad.AcceptOnlyFromAmong("auto", "silero", "energy");
        var realtime = new Option<bool>("--realtime") { Description = "Play a file paced like a live talker (default)" };
        var fast = new Option<bool>("--fast") { Description = "Play a file as fast as the pipeline goes" };
        var srt = new Option<string?>("--srt") { Description = "Write committed captions as SubRip to this file" };
        var vtt = new Option<string?>("--vtt") { Description = "Write committed captions as WebVTT to this file" };
        var events = new Option<string?>("--events") { Description = "Write every partial and commit with latency stamps as JSON lines" };
        var sampleRate = new Option<int?>("--sample-rate") { Description = "Sample rate of raw PCM on stdin (default 16000)" };
        var channels = new Option<int?>("--channels") { Description = "Channels of raw PCM on stdin (default 1)" };
        var display = CommonOptions.Display();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print captions to the terminal" };
        var config = CommonOptions.Config();
        var to = CommonOptions.To();
        var from = CommonOptions.From();
        var translator = CommonOptions.Translator();
        var glossary = CommonOptions.Glossary();

        var command = new Command("listen", "Caption speech from a recording, stdin or a microphone")
        {
            input, asr, model, vad, realtime, fast, srt, vtt, events, sampleRate, channels, quiet, config, to, from, translator, glossary, display,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(realtime) && result.GetValue(fast))
            {
                result.AddError("--realtime and --fast cannot be used together");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = context.LoadSettings(parse.GetValue(config));
            if (parse.GetValue(asr) is { } chosen)
            {
                settings.Asr = chosen;
            }

            if (parse.GetValue(model) is { } chosenModel)
            {
                settings.Whisper.Model = chosenModel;
            }

            if (parse.GetValue(vad) is { } chosenVad)
            {
                settings.Vad.Engine = chosenVad;
            }

            if (parse.GetValue(realtime))
            {
                settings.Pacing = "realtime";
            }

            if (parse.GetValue(fast))
            {
                settings.Pacing = "fast";
            }

            if (parse.GetValue(sampleRate) is { } rate)
            {
                settings.Input.RawSampleRate = rate;
            }

            if (parse.GetValue(channels) is { } count)
            {
                settings.Input.RawChannels = count;
            }

            CommonOptions.ApplyTranslation(parse, settings, to, from, translator, glossary);
            if (parse.GetValue(display) is { } target)
            {
                settings.Display.Target = target;
            }

            SettingsLoader.Validate(settings);
            Display.DisplayTarget.TryParse(settings.Display.Target, out var displayTarget);
            var request = new ListenRequest(
                parse.GetRequiredValue(input),
                parse.GetValue(srt),
                parse.GetValue(vtt),
                parse.GetValue(events),
                Terminal: !parse.GetValue(quiet))
            {
                Display = displayTarget,
            };
            var outcome = await new ConversationRunner(context, settings).RunAsync(request, cancellationToken);
            return outcome.ExitCode;
        });
        return command;
    }
}
