using System.Globalization;
using System.Runtime.InteropServices;
using Captions.Bench.Corpus;
using Captions.Bench.Peers;
using Captions.Bench.Reports;
using Captions.Bench.Running;
using Captions.Cli.Commands;
using Captions.Cli.Configuration;
using Captions.Cli.Display;
using Captions.Engine.Timing;
using Captions.Renderer.OpenGL;
using Captions.Renderer.OpenGL.Hosting;
using Captions.Renderer.Text;
using Spectre.Console;

namespace Captions.Cli.Bench;

/// <summary>
/// Runs one `captions bench`: settings for each configuration, the corpus, the replays, the peers, the reports.
/// Every expected failure is one line naming what is wrong; a failing item or backend still leaves a report of
/// what completed (written after each configuration, so even a crash later keeps the earlier results).
/// </summary>
internal sealed class BenchHost(CliContext context)
{
    public async Task<int> RunAsync(BenchRequest request, CancellationToken stopToken)
    {
        var started = TimeProvider.System.GetUtcNow();
        List<(string Name, CaptionsSettings Settings)> configurations;
        try
        {
            configurations = LoadConfigurations(request);
        }
        catch (SettingsException e)
        {
            context.Error.WriteLine($"captions: {e.Message}");
            return ExitCodes.Usage;
        }

        BenchCorpus corpus;
        try
        {
            var manifest = CorpusLoader.ResolveManifestPath(request.Corpus);
            corpus = await CorpusLoader.LoadAsync(manifest, CorpusLoadOptions.FromEnvironment(Progress), stopToken);
        }
        catch (CorpusException e)
        {
            context.Error.WriteLine($"captions: {e.Message}");
            return ExitCodes.Failure;
        }

        foreach (var problem in corpus.Problems)
        {
            context.Error.WriteLine($"captions: corpus: {problem}");
        }

        var items = Select(corpus.Items, request.Items);
        if (items.Count == 0)
        {
            context.Error.WriteLine(request.Items is null
                ? $"captions: corpus {corpus.ManifestPath}: no item can be replayed (see the problems above)"
                : $"captions: --items '{request.Items}' matches no item of {corpus.ManifestPath} (ids: {string.Join(", ", corpus.Items.Select(i => i.Id))})");
            return ExitCodes.Failure;
        }

        string outputDirectory;
        try
        {
            outputDirectory = Directory.CreateDirectory(request.OutputDirectory).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"captions: --out '{request.OutputDirectory}': {e.Message}");
            return ExitCodes.Failure;
        }

        var notes = new List<string>(corpus.Problems.Select(p => $"corpus: {p}"));
        DisplayTarget display;
        try
        {
            display = await ChooseDisplayAsync(request, configurations[0].Settings, notes);
        }
        catch (SettingsException e)
        {
            context.Error.WriteLine($"captions: {e.Message}");
            return ExitCodes.Failure;
        }

        var mode = request.Driven ? BenchMode.Driven : BenchMode.RealTime;
        if (request.Driven)
        {
            notes.Add("driven clock: compute is free (a version counts as shown when the audio it includes was heard); translation and frame lags are not measured in this mode");
        }

        var runner = new BenchRunner(mode, Progress);
        var runs = new List<ConfigurationRun>();
        var peers = new List<PeerRun>();
        BenchReport Report() => new()
        {
            Corpus = corpus.Name,
            ManifestPath = corpus.ManifestPath,
            Mode = request.Driven ? "driven" : "realtime",
            Started = started,
            Machine = Machine(),
            Configurations = runs,
            Peers = peers,
            Notes = notes,
        };

        foreach (var (name, settings) in configurations)
        {
            runs.Add(await runner.RunAsync(CliBenchBackends.Configuration(context, name, settings, display), items, stopToken));
            WriteReports(Report(), outputDirectory, quiet: true);
        }

        if (request.Peers && !stopToken.IsCancellationRequested)
        {
            peers.AddRange(await RunPeersAsync(configurations, runs, items, stopToken));
        }

        var report = Report();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Output),
            Ansi = context.OutputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.OutputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!context.OutputIsTerminal)
        {
            // Redirected to a file or a CI log: no terminal to fit, so keep names whole rather than wrapped at 80.
            console.Profile.Width = 200;
        }

        BenchTableWriter.Write(report, console);
        WriteReports(report, outputDirectory, quiet: false);

        var incomplete = runs.SelectMany(r => r.Items).Count(i => i.Status is "failed" or "not run");
        if (incomplete > 0 || corpus.Problems.Count > 0)
        {
            context.Error.WriteLine($"captions: bench incomplete: {incomplete} item run(s) failed or did not run, {corpus.Problems.Count} corpus problem(s); the reports hold what completed");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    private List<(string Name, CaptionsSettings Settings)> LoadConfigurations(BenchRequest request)
    {
        var environment = new Dictionary<string, string?>(context.Environment, StringComparer.Ordinal);
        foreach (var (key, value) in request.Flags)
        {
            environment[SettingsLoader.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var result = new List<(string, CaptionsSettings)> { ("default", Load(request.ConfigFile, environment)) };
        foreach (var text in request.Variants)
        {
            var variant = BenchVariant.Parse(text);
            if (result.Any(r => r.Item1 == variant.Name))
            {
                throw new SettingsException($"--variant '{text}': the name '{variant.Name}' is already used");
            }

            result.Add((variant.Name, Load(request.ConfigFile, variant.Apply(environment))));
        }

        return result;
    }

    private static CaptionsSettings Load(string? configFile, IReadOnlyDictionary<string, string?> environment)
    {
        var settings = SettingsLoader.Load(configFile, environment);
        SettingsLoader.Validate(settings);
        return settings;
    }

    private static List<CorpusItem> Select(IReadOnlyList<CorpusItem> items, string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return [.. items];
        }

        var wanted = filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. items.Where(i => wanted.Any(w => i.Id.StartsWith(w, StringComparison.Ordinal)))];
    }

    /// <summary>Headless rendering in realtime mode unless told otherwise, when a GL context and the fonts are there.</summary>
    private async Task<DisplayTarget> ChooseDisplayAsync(BenchRequest request, CaptionsSettings settings, List<string> notes)
    {
        if (request.Driven || request.Display == "none")
        {
            if (request.Display == "headless")
            {
                notes.Add("--display headless is ignored with the driven clock (frames have no time there)");
            }

            return DisplayTarget.None;
        }

        DisplayTarget.TryParse("headless", out var headless);
        try
        {
            var options = DisplayFactory.Options(settings.Display, headless, expectTranslation: settings.Translation.To is not null);
            await using var probe = await CaptionDisplay.StartAsync(options, TimeProvider.System, context.LoggerFactory);
            return headless;
        }
        catch (Exception e) when (e is GraphicsUnavailableException or FontNotFoundException or GLException)
        {
            var why = $"display unavailable ({e.Message}): caption-to-frame time not measured";
            notes.Add(why);
            context.Error.WriteLine($"captions: {why}");
            if (request.Display == "headless")
            {
                throw new SettingsException($"--display headless: {e.Message}");
            }

            return DisplayTarget.None;
        }
    }

    private async Task<List<PeerRun>> RunPeersAsync(
        List<(string Name, CaptionsSettings Settings)> configurations, List<ConfigurationRun> runs, IReadOnlyList<CorpusItem> items, CancellationToken stopToken)
    {
        var peers = new List<PeerRun>();
        // Peers run the items the configuration they are compared with ran: a ratio needs both sides.
        static List<CorpusItem> RanBy(ConfigurationRun run, IReadOnlyList<CorpusItem> items) =>
            [.. items.Where(i => run.Items.Any(r => r.Id == i.Id && r.Status is "ok" or "failed"))];

        var sphinxConfig = runs.FirstOrDefault(r => r.Description.StartsWith("sphinx", StringComparison.Ordinal));
        var english = RanBy(sphinxConfig ?? runs[0], items).Where(i => i.Language == "en").ToList();
        if (english.Count > 0)
        {
            Progress($"bench: peer {PocketSphinxPeer.PeerName} on {english.Count} English items");
            peers.Add(await new PocketSphinxPeer().RunAsync(english, sphinxConfig?.Name ?? runs[0].Name, stopToken));
        }

        for (var i = 0; i < runs.Count; i++)
        {
            if (!runs[i].Description.StartsWith("whisper", StringComparison.Ordinal))
            {
                continue;
            }

            var settings = configurations[i].Settings;
            var model = new SpeechEngines(context, settings).FindWhisperModel(out _);
            if (model is null)
            {
                continue;
            }

            var threads = settings.Whisper.Threads > 0 ? settings.Whisper.Threads : Math.Clamp(Environment.ProcessorCount, 1, 4);
            var ran = RanBy(runs[i], items);
            Progress($"bench: peer {WhisperCliPeer.PeerName} on {ran.Count} items with {Path.GetFileName(model)}");
            peers.Add(await new WhisperCliPeer(model, threads).RunAsync(ran, runs[i].Name, stopToken));
        }

        return peers;
    }

    private void WriteReports(BenchReport report, string directory, bool quiet)
    {
        var json = Path.Combine(directory, "report.json");
        var html = Path.Combine(directory, "report.html");
        BenchJsonWriter.WriteFile(report, json);
        BenchHtmlWriter.WriteFile(report, html);
        if (!quiet)
        {
            context.Error.WriteLine($"captions: wrote {json}");
            context.Error.WriteLine($"captions: wrote {html}");
        }
    }

    private void Progress(string line) => context.Error.WriteLine($"captions: {line}");

    private static string Machine()
    {
        string load;
        try
        {
            load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            load = "?";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, load {load} at start, {RuntimeInformation.OSDescription}");
    }
}
