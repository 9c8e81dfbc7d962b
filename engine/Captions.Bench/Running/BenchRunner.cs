using System.Diagnostics;
using Captions.Bench.Corpus;
using Captions.Bench.Reports;
using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Engine.Output;
using Captions.Engine.Pipeline;
using Captions.Engine.Stages;
using Captions.Engine.Timing;

namespace Captions.Bench.Running;

/// <summary>
/// Replays corpus items through the real conversation pipeline (the same <see cref="ConversationPipeline"/> as
/// `captions listen`) with one configuration's engines, records every caption version with its stamps, and measures.
/// </summary>
/// <remarks>
/// Timelines: in <see cref="BenchMode.RealTime"/> the source releases each frame when the wall clock reaches its end,
/// so a stamp minus the source's pacing start is its position on the audio timeline (a listener's view: decode cost
/// and backlog count). In <see cref="BenchMode.Driven"/> the clock is the audio itself (<see cref="AudioTimeProvider"/>):
/// a version counts as shown when the newest audio it includes was heard, so compute is free and runs repeat exactly.
/// A backend that fails mid-item marks that item "failed" and keeps what it had emitted; later items still run.
/// </remarks>
public sealed class BenchRunner
{
    private readonly BenchMode _mode;
    private readonly Action<string> _progress;

    public BenchRunner(BenchMode mode, Action<string>? progress = null)
    {
        _mode = mode;
        _progress = progress ?? (static _ => { });
    }

    /// <summary>Runs every item through <paramref name="configuration"/>; a stop request marks the rest "not run".</summary>
    public async Task<ConfigurationRun> RunAsync(BenchConfiguration configuration, IReadOnlyList<CorpusItem> items, CancellationToken stopToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(items);
        IBenchBackends backends;
        try
        {
            backends = await configuration.OpenAsync(stopToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _progress($"bench: {configuration.Name}: engines did not load: {ex.Message}");
            var none = items.Select(i => NotRun(i, $"engines did not load: {ex.Message}")).ToList();
            return new ConfigurationRun(configuration.Name, $"not loaded: {ex.Message}", none, new RunMetrics());
        }

        var samples = new List<ItemSamples>(items.Count);
        var runs = new List<ItemRun>(items.Count);
        await using (backends.ConfigureAwait(false))
        {
            foreach (var item in items)
            {
                if (stopToken.IsCancellationRequested)
                {
                    runs.Add(NotRun(item, "stopped before this item"));
                    continue;
                }

                if (backends.Languages is { } languages && !languages.Contains(item.Language))
                {
                    runs.Add(NotRun(item, $"the {backends.Recognizer.Name} recogniser is set to hear {string.Join('/', languages)}, this item is {item.Language}") with { Status = "skipped" });
                    continue;
                }

                _progress($"bench: {configuration.Name}: {item.Id} ({item.DurationSeconds:0.0} s, {(_mode == BenchMode.RealTime ? "real time" : "driven clock")})");
                var outcome = await ReplayAsync(backends, item, stopToken).ConfigureAwait(false);
                var analysed = ItemAnalyzer.Analyze(item, outcome);
                samples.Add(analysed);
                runs.Add(analysed.Run);
                if (outcome.Error is not null)
                {
                    _progress($"bench: {configuration.Name}: {item.Id} failed: {outcome.Error}");
                }
            }

            return new ConfigurationRun(configuration.Name, backends.Description, runs, MetricsPool.Pool(samples));
        }
    }

    private static ItemRun NotRun(CorpusItem item, string why) => new()
    {
        Id = item.Id,
        Kind = item.Kind,
        Language = item.Language,
        AudioSeconds = item.DurationSeconds,
        Status = "not run",
        Error = why,
        Reference = item.Words ?? [],
        Metrics = new RunMetrics { ReferenceWords = item.Words?.Count ?? 0 },
    };

    private async Task<ReplayOutcome> ReplayAsync(IBenchBackends backends, CorpusItem item, CancellationToken stopToken)
    {
        var driven = _mode == BenchMode.Driven ? new AudioTimeProvider() : null;
        var clock = new PipelineClock(driven ?? TimeProvider.System);
        var recorder = new EmissionRecorder();
        var presented = new PresentedLog();
        WavFileSource? source = null;
        string? error = null;
        var stages = new StageTimes(0, 0, 0);
        var started = Stopwatch.GetTimestamp();
        try
        {
            source = new WavFileSource(item.AudioPath, driven is null ? AudioPacing.RealTime : AudioPacing.Fast, clock);
            using var detector = new DisposableDetector(backends.CreateDetector());
            List<ICaptionSink> sinks = [recorder];
            if (driven is null)
            {
                sinks.AddRange(await backends.CreateSinksAsync(clock, presented, stopToken).ConfigureAwait(false));
            }

            var options = new ConversationOptions
            {
                Source = source,
                Detector = detector.Detector,
                Recognizer = backends.Recognizer,
                Sinks = sinks,
                Clock = clock,
                Translator = backends.Translator,
                Translation = backends.Translation,
                Segmenter = backends.Segmenter,
            };
            var result = await ConversationPipeline.RunAsync(options, stopToken).ConfigureAwait(false);
            stages = new StageTimes(result.VadBusy.TotalSeconds, result.AsrBusy.TotalSeconds, result.MtBusy.TotalSeconds);
            if (result.Pipeline.Stopped)
            {
                error = "stopped during this item";
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || stopToken.IsCancellationRequested)
        {
            error = Describe(ex);
        }
        finally
        {
            if (source is not null)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }

        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var origin = driven is not null ? AudioTimeProvider.ZeroTimestamp : source?.PacingStart ?? 0;
        var emissions = new List<EmissionSample>(recorder.Lines.Count);
        var spans = new Dictionary<long, (double, double)>();
        foreach (var line in recorder.Lines)
        {
            emissions.Add(Sample(line, clock, origin, driven is not null, presented));
            spans[line.Id] = (line.Start.TotalSeconds, line.End.TotalSeconds);
        }

        return new ReplayOutcome(emissions, spans, stages, wall, backends.Translator is not null, error);
    }

    private static EmissionSample Sample(CaptionLine line, PipelineClock clock, long origin, bool driven, PresentedLog presented)
    {
        double? Seconds(long stamp) => stamp == 0 || origin == 0 ? null : clock.TimeProvider.GetElapsedTime(origin, stamp).TotalSeconds;

        var captured = Seconds(line.Stamps.Captured) ?? line.End.TotalSeconds;
        if (driven)
        {
            return new EmissionSample(line.Id, line.Version, line.IsCommitted, line.Text, line.Translation, captured, captured, null, null);
        }

        var shownAt = presented.TryGet(line.Id, line.Version, out var stamp) ? Seconds(stamp) : null;
        return new EmissionSample(
            line.Id,
            line.Version,
            line.IsCommitted,
            line.Text,
            line.Translation,
            captured,
            Seconds(line.Stamps.Asr) ?? captured,
            Seconds(line.Stamps.Mt),
            shownAt);
    }

    private static string Describe(Exception ex) => ex switch
    {
        PipelineFaultedException { InnerException: { } inner } => $"{inner.GetType().Name}: {inner.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    /// <summary>Disposes a detector that happens to be disposable (Silero holds an ONNX session; energy holds nothing).</summary>
    private readonly struct DisposableDetector(Engine.Vad.IVoiceActivityDetector detector) : IDisposable
    {
        public Engine.Vad.IVoiceActivityDetector Detector { get; } = detector;

        public void Dispose() => (Detector as IDisposable)?.Dispose();
    }
}
