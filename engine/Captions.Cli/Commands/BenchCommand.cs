using System.CommandLine;
using Captions.Bench.Corpus;
using Captions.Cli.Bench;

namespace Captions.Cli.Commands;

/// <summary>
/// `captions bench`: the latency measurement harness. Replays a corpus through the real pipeline with the configured
/// engines (and any --variant side by side), runs the peers on the same audio, and writes a terminal table, JSON with
/// every raw sample and a self-contained HTML report.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var corpus = new Option<string?>("--corpus")
        {
            Description = "A corpus folder (with manifest.json), a manifest file, or a bundled corpus: default (about 3 minutes), long (30 and 60-minute sessions)",
        };
        var output = new Option<string?>("--out", "-o") { Description = "Folder for report.json and report.html (default: ./captions-bench)" };
        var mode = new Option<string?>("--mode")
        {
            Description = "realtime: paced like a talker, compute included (default); driven: as fast as possible on the audio clock, compute-unaware and repeatable",
        };
        mode.AcceptOnlyFromAmong("realtime", "driven");
        var variants = new Option<string[]>("--variant")
        {
            Description = "Another configuration side by side: NAME:KEY=VALUE[,KEY=VALUE...] with settings keys (e.g. silero:Vad:Engine=silero); repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var items = new Option<string?>("--items") { Description = "Only these corpus items: comma-separated ids or id prefixes" };
        var peers = new Option<string?>("--peers")
        {
            Description = "auto: pocketsphinx_continuous, plus whisper-cli with the same model for each configuration that uses whisper (default); none",
        };
        peers.AcceptOnlyFromAmong("auto", "none");
        var display = new Option<string?>("--display")
        {
            Description = "headless: draw every caption off-screen to measure caption-to-frame time (default in realtime mode when graphics work); none",
        };
        display.AcceptOnlyFromAmong("headless", "none");
        var asr = new Option<string?>("--asr") { Description = "Speech recogniser: auto, whisper, sphinx" };
        asr.AcceptOnlyFromAmong("auto", "whisper", "sphinx");
        var model = new Option<string?>("--model", "-m") { Description = "Whisper model: a catalog name or a ggml file path" };
        var vad = new Option<string?>("--vad") { Description = "Voice activity detector: auto, silero, energy" };
        vad.AcceptOnlyFromAmong("auto", "silero", "energy");
        var config = CommonOptions.Config();
        var to = CommonOptions.To();
        var from = CommonOptions.From();
        var translator = CommonOptions.Translator();
        var glossary = CommonOptions.Glossary();

        var command = new Command("bench", "Measure caption latency, flicker and accuracy on a corpus, against peers, with reports")
        {
            corpus, output, mode, variants, items, peers, display, asr, model, vad, config, to, from, translator, glossary,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var flags = new List<KeyValuePair<string, string>>();
            void Flag(string key, string? value)
            {
                if (value is not null)
                {
                    flags.Add(new KeyValuePair<string, string>(key, value));
                }
            }

            Flag("Asr", parse.GetValue(asr));
            Flag("Whisper:Model", parse.GetValue(model));
            Flag("Vad:Engine", parse.GetValue(vad));
            Flag("Translation:To", parse.GetValue(to));
            Flag("Translation:From", parse.GetValue(from));
            Flag("Translation:Translator", parse.GetValue(translator));
            Flag("Translation:Glossary", parse.GetValue(glossary));
            var request = new BenchRequest
            {
                Corpus = parse.GetValue(corpus),
                OutputDirectory = parse.GetValue(output) ?? "captions-bench",
                Driven = parse.GetValue(mode) == "driven",
                ConfigFile = parse.GetValue(config),
                Flags = flags,
                Variants = parse.GetValue(variants) ?? [],
                Items = parse.GetValue(items),
                Peers = parse.GetValue(peers) != "none",
                Display = parse.GetValue(display),
            };
            return await new BenchHost(context).RunAsync(request, cancellationToken);
        });
        return command;
    }
}
