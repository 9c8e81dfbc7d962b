using System.CommandLine;
using System.Globalization;
using Captions.Cli.Configuration;
using Captions.Cli.Display;
using Captions.Engine.Metrics;
using Captions.Engine.Output;
using Captions.Engine.Speech;

namespace Captions.Cli.Commands;

/// <summary>
/// `captions demo`: the main job on bundled real input. Captions the five LibriVox recordings of Debian's
/// pocketsphinx-testdata through the full pipeline, writes SRT, WebVTT and JSON-lines events for each into an output
/// folder, and scores the words against the recordings' reference transcripts.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultCorpus = ReferenceCorpus.LibriVoxDirectory;

    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for the SRT, WebVTT and events files and the rendered frames",
            DefaultValueFactory = _ => "captions-demo",
        };
        var realtime = new Option<bool>("--realtime") { Description = "Play the recordings paced like live speech (default: as fast as possible)" };
        var corpus = new Option<string>("--corpus")
        {
            Description = "Folder of WAV files with a pocketsphinx-style 'transcription' file",
            DefaultValueFactory = _ => DefaultCorpus,
        };
        var config = CommonOptions.Config();
        var command = new Command("demo", "Caption the bundled LibriVox recordings end to end and score them") { output, realtime, corpus, config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = context.LoadSettings(parse.GetValue(config));
            settings.Pacing = parse.GetValue(realtime) ? "realtime" : "fast";
            SettingsLoader.Validate(settings);
            return await RunAsync(context, settings, parse.GetRequiredValue(corpus), parse.GetRequiredValue(output), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, CaptionsSettings settings, string corpus, string outputDir, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(corpus))
        {
            context.Error.WriteLine($"captions: demo recordings not found at '{corpus}': install pocketsphinx-testdata (./scripts/bootstrap.sh)");
            return ExitCodes.Failure;
        }

        var clips = Directory.GetFiles(corpus, "*.wav").Order(StringComparer.Ordinal).ToArray();
        if (clips.Length == 0)
        {
            context.Error.WriteLine($"captions: '{corpus}' holds no .wav recordings");
            return ExitCodes.Failure;
        }

        var transcription = Path.Combine(corpus, ReferenceCorpus.TranscriptionFile);
        var references = File.Exists(transcription)
            ? ReferenceCorpus.ReadTranscription(transcription).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : [];
        Directory.CreateDirectory(outputDir);
        var runner = new ConversationRunner(context, settings);

        // One recogniser for the whole demo, as in a live session: pocketsphinx's live cepstral mean normalisation
        // then carries over from one recording of the same reader to the next instead of starting cold each time.
        ISpeechRecognizer recognizer;
        try
        {
            recognizer = runner.CreateRecognizer();
        }
        catch (Exception ex) when (ConversationRunner.Describe(ex, corpus) is { } message)
        {
            // Whichever recogniser the settings chose (a broken Whisper model, a missing sphinx model): one line, exit 1.
            context.Error.WriteLine($"captions: {message}");
            return ExitCodes.Failure;
        }

        using var owned = recognizer;
        var total = default(WordErrorCounts);
        var audio = TimeSpan.Zero;
        var wall = TimeSpan.Zero;
        foreach (var clip in clips)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var name = Path.GetFileNameWithoutExtension(clip);
            context.Output.WriteLine($"== {Path.GetFileName(clip)}");
            var transcript = new TranscriptCollector();
            var request = new ListenRequest(
                clip,
                Path.Combine(outputDir, name + ".srt"),
                Path.Combine(outputDir, name + ".vtt"),
                Path.Combine(outputDir, name + ".events.jsonl"),
                Terminal: true)
            {
                // What the glasses would have shown, one PNG per changed frame (both eyes side by side).
                Display = new DisplayTarget(Renderer.OpenGL.DisplayLayout.Headless, Path.Combine(outputDir, "frames", name)),
                DisplayOptional = true,
            };
            var outcome = await runner.RunAsync(request, cancellationToken, [transcript], recognizer);
            if (outcome.ExitCode != ExitCodes.Success || outcome.Result is null)
            {
                return outcome.ExitCode;
            }

            audio += outcome.Result.AudioDuration;
            wall += outcome.Result.WallTime;
            if (references.TryGetValue(name, out var reference))
            {
                var counts = WordErrorRate.Compute(reference, transcript.Text);
                total += counts;
                context.Output.WriteLine($"   reference: {reference}");
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   word error rate: {counts.Rate * 100:0.0}% ({counts.Substitutions} substituted, {counts.Deletions} deleted, {counts.Insertions} inserted of {counts.ReferenceWords} words)"));
            }
        }

        context.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"demo: {clips.Length} recordings, {audio.TotalSeconds:0.0} s of audio captioned in {wall.TotalSeconds:0.00} s; word error rate {total.Rate * 100:0.0}% over {total.ReferenceWords} words"));
        context.Output.WriteLine($"demo: SRT, WebVTT and events files are in {Path.GetFullPath(outputDir)}, rendered frames in {Path.Combine(Path.GetFullPath(outputDir), "frames")}");
        return await LookAtSignsAsync(context, settings, outputDir, cancellationToken);
    }

    /// <summary>
    /// The sign half of the product on real photos nobody here took (opencv-doc's scene-text samples, shipped beside
    /// the executable): read, tracked and translated English to Spanish (Qwen when configured, else Apertium).
    /// </summary>
    private static async Task<int> LookAtSignsAsync(CliContext context, CaptionsSettings settings, string outputDir, CancellationToken cancellationToken)
    {
        var photos = Path.Combine(AppContext.BaseDirectory, "demo", "signs");
        if (!Directory.Exists(photos) || cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }

        context.Output.WriteLine("== signs: opencv-doc scene-text photos, English to Spanish");
        settings.Translation.From = "en";
        settings.Translation.To ??= "es";
        var events = Path.Combine(outputDir, "signs.jsonl");
        var code = await new Look.LookRunner(context, settings).RunAsync(new Look.LookRequest(photos, events, Terminal: true), cancellationToken);
        context.Output.WriteLine($"demo: sign events are in {Path.GetFullPath(events)}");
        return code;
    }
}
