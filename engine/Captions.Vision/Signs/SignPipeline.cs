using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Captions.Engine.Translation;
using Captions.Vision.Frames;
using Captions.Vision.Imaging;
using Captions.Vision.Ocr;
using Captions.Vision.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Captions.Vision.Signs;

/// <summary>
/// Camera or file frames in, steady translated overlays out: detect text lines, follow them across frames, read only
/// new or changed ones, vote, group menus, translate in the background, and publish one <see cref="SignSnapshot"/>
/// per processed frame.
/// </summary>
/// <remarks>
/// Stages, each a task joined by bounded channels:
/// <list type="number">
/// <item>source pump: frames into a channel of <see cref="SignPipelineOptions.FrameQueueCapacity"/> (2). A live source
/// never waits for the pipeline: the oldest buffered frame is dropped and counted; a file source waits (nothing lost).</item>
/// <item>detection: one <see cref="ITextDetector.Detect"/> per frame, into a channel of 2 (Wait): detection of the
/// next frame overlaps recognition of this one, the two costly steps on a 2-core machine.</item>
/// <item>composition: tracking, fingerprints, at most <see cref="SignPipelineOptions.MaxRecognitionsPerFrame"/> crops
/// read, vote, menu grouping, translation look-ups (never awaited: the overlay shows the source text until the answer
/// arrives, and the next snapshot carries it), into a channel of 4 snapshots (Wait) that <see cref="RunAsync"/> yields.</item>
/// </list>
/// When the source ends with regions still mid-vote or translations still running, the pipeline settles the votes,
/// waits for the translations and publishes the last frame once more (same <see cref="SignSnapshot.FrameSequence"/>):
/// a single photo shows its text and translation.
/// A detector or recogniser failure on one frame is logged and the frame skipped (no snapshot); a
/// <see cref="FrameSourceException"/> ends the run with that exception after the frames already read are published.
/// Threading model: one run at a time; the detector is used only by the detection task and the recogniser, tracker
/// and per-item state only by the composition task. Counters are safe to read from any thread.
/// </remarks>
public sealed partial class SignPipeline
{
    // Small buffers: each holds whole frames (2.7 MB at 720p) and anything queued adds latency to the overlay.
    private const int DetectedCapacity = 2;
    private const int SnapshotCapacity = 4;

    private readonly SignPipelineOptions _options;
    private readonly ITextDetector _detector;
    private readonly ITextRecognizer _recognizer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<ImageFrame, Geometry.Quad, ImageFrame> _crop;
    private readonly SignTranslator _translator;
    private readonly Dictionary<long, ItemTranslation> _translations = [];
    private SignTracker _tracker;
    private IFrameSource? _source;
    private int _running;
    private long _frames;
    private long _recognitions;
    private long _pipelineDropped;
    private long _skippedFrames;
    private long _cappedRegions;
    private long _deferredRecognitions;
    private int _detectorFailing;
    private int _recognizerFailing;

    public SignPipeline(SignPipelineOptions options, ITextDetector detector, ITextRecognizer recognizer, ITranslator? translator, TranslationCache cache, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _detector = detector;
        _recognizer = recognizer;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _crop = options.Crop ?? CropExtractor.Extract;
        _translator = new SignTranslator(translator, cache, options.TargetLanguage, time, _logger);
        _tracker = new SignTracker(options.TrackerOptions());
    }

    public SignPipelineOptions Options => _options;

    /// <summary>Snapshots published (frames processed).</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Crops sent to the recogniser.</summary>
    public long Recognitions => Interlocked.Read(ref _recognitions);

    /// <summary>Translation requests that reached the translator.</summary>
    public long TranslationRequests => _translator.Requests;

    /// <summary>Texts answered from the translation cache instead of a request.</summary>
    public long CacheHits => _translator.CacheHits;

    public long TranslationFailures => _translator.Failures;

    /// <summary>Frames dropped: by the source itself (a camera keeping the newest) plus by this pipeline's frame buffer.</summary>
    public long DroppedFrames => (_source?.DroppedFrames ?? 0) + Interlocked.Read(ref _pipelineDropped);

    /// <summary>Frames skipped because the detector or recogniser failed on them.</summary>
    public long SkippedFrames => Interlocked.Read(ref _skippedFrames);

    /// <summary>Regions ignored because a frame had more than <see cref="SignPipelineOptions.MaxRegions"/>.</summary>
    public long CappedRegions => Interlocked.Read(ref _cappedRegions);

    /// <summary>Recognitions put off to a later frame by <see cref="SignPipelineOptions.MaxRecognitionsPerFrame"/> (summed per frame).</summary>
    public long DeferredRecognitions => Interlocked.Read(ref _deferredRecognitions);

    /// <summary>Tracks started (overlay ids handed out).</summary>
    public long TracksStarted => _tracker.TracksStarted;

    /// <summary>Runs until the source ends (or <paramref name="cancellationToken"/>), yielding one snapshot per processed frame.</summary>
    /// <exception cref="FrameSourceException">The source failed; frames read before are published first.</exception>
    public async IAsyncEnumerable<SignSnapshot> RunAsync(IFrameSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("This sign pipeline is already running; create one per source.");
        }

        _source = source;
        _tracker = new SignTracker(_options.TrackerOptions());
        _translations.Clear();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var frames = Channel.CreateBounded<ImageFrame>(
            new BoundedChannelOptions(_options.FrameQueueCapacity)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = source.IsLive ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            },
            _ => Interlocked.Increment(ref _pipelineDropped));
        var detected = Channel.CreateBounded<Detected>(
            new BoundedChannelOptions(DetectedCapacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        var snapshots = Channel.CreateBounded<SignSnapshot>(
            new BoundedChannelOptions(SnapshotCapacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

        var pump = Task.Run(() => PumpAsync(source, frames.Writer, stop.Token), CancellationToken.None);
        var detect = Task.Run(() => DetectLoopAsync(frames.Reader, detected.Writer, stop.Token), CancellationToken.None);
        var compose = Task.Run(() => ComposeLoopAsync(detected.Reader, snapshots.Writer, stop.Token), CancellationToken.None);
        var finished = false;
        try
        {
            await foreach (var snapshot in snapshots.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                yield return snapshot;
            }

            finished = true;
        }
        finally
        {
            if (!finished)
            {
                // The consumer stopped early, was cancelled or failed: stop the stages and wait for them to let go.
                await stop.CancelAsync().ConfigureAwait(false);
            }

            await Join(pump, detect, compose, rethrow: finished).ConfigureAwait(false);
            // Nothing will show answers that arrive after the run: stop the requests still running.
            await _translator.CancelPendingAsync().ConfigureAwait(false);
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Waits for translations still running (tests, and a last snapshot at the end of a photo run).</summary>
    public Task DrainTranslationsAsync(CancellationToken cancellationToken) => _translator.DrainAsync(cancellationToken);

    private static async Task Join(Task pump, Task detect, Task compose, bool rethrow)
    {
        try
        {
            // The source's failure first: it is the one the caller must see (FrameSourceException).
            await pump.ConfigureAwait(false);
            await detect.ConfigureAwait(false);
            await compose.ConfigureAwait(false);
        }
        catch (Exception) when (!rethrow)
        {
            // Already leaving with the consumer's own exception or cancellation; the stages' errors would hide it.
        }
    }

    private async Task PumpAsync(IFrameSource source, ChannelWriter<ImageFrame> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task DetectLoopAsync(ChannelReader<ImageFrame> reader, ChannelWriter<Detected> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var captured = frame.CapturedAt != 0 ? frame.CapturedAt : _time.GetTimestamp();
                IReadOnlyList<TextRegion> regions;
                try
                {
                    regions = _detector.Detect(frame);
                    _detectorFailing = 0;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // One bad frame (a native error, a degenerate image) must not end a live session. Logged once per
                    // run of failures: a broken detector at 30 fps would otherwise write 30 warnings a second.
                    Interlocked.Increment(ref _skippedFrames);
                    if (_detectorFailing++ == 0)
                    {
                        LogDetectorFailed(_logger, _detector.Name, frame.ToString(), error);
                    }

                    continue;
                }

                await writer.WriteAsync(new Detected(frame, regions, captured, _time.GetTimestamp()), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task ComposeLoopAsync(ChannelReader<Detected> reader, ChannelWriter<SignSnapshot> writer, CancellationToken cancellationToken)
    {
        try
        {
            SignSnapshot? last = null;
            await foreach (var detected in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (Compose(detected) is { } snapshot)
                {
                    last = snapshot;
                    Interlocked.Increment(ref _frames);
                    await writer.WriteAsync(snapshot, cancellationToken).ConfigureAwait(false);
                }
            }

            if (last is not null)
            {
                await PublishFinalAsync(last, writer, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>
    /// The source ended (a photo, the end of a video): regions read fewer times than the vote needs show their leading
    /// reading, translations still running are awaited (at most <see cref="SignPipelineOptions.FinalTranslationWait"/>),
    /// and the last frame is published once more with them, or a single photo would never show its text.
    /// </summary>
    private async Task PublishFinalAsync(SignSnapshot last, ChannelWriter<SignSnapshot> writer, CancellationToken cancellationToken)
    {
        var settled = _tracker.Settle();
        if (settled == 0 && !(last.Items.Any(i => i.Translation is null) && _translator.InFlight > 0))
        {
            return;
        }

        var items = Items(out var requests, out _);
        if (_translator.InFlight > 0)
        {
            using var budget = new CancellationTokenSource(_options.FinalTranslationWait, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
            try
            {
                await _translator.DrainAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // A translator that does not answer in time: publish what has arrived.
            }

            items = Items(out var more, out _);
            requests += more;
        }

        var now = _time.GetTimestamp();
        var timings = last.Timings with { Translated = now, Published = now, Recognitions = 0, TranslationRequests = requests };
        await writer.WriteAsync(last with { Items = items, Timings = timings }, cancellationToken).ConfigureAwait(false);
    }

    private SignSnapshot? Compose(Detected detected)
    {
        var frame = detected.Frame;
        var regions = Cap(detected.Regions);
        var observations = new TrackObservation[regions.Count];
        for (var i = 0; i < regions.Count; i++)
        {
            observations[i] = new TrackObservation(regions[i].Box, CropFingerprint.Compute(frame, regions[i].Box));
        }

        var matches = _tracker.Update(observations);
        var recognised = 0;
        var recognizedAt = detected.DetectedAt;
        var due = matches.Where(m => m.NeedsRecognition)
            .OrderBy(m => m.Track.Readings == 0 ? 0 : m.Track.IsVoting ? 1 : 2)
            .ThenBy(m => m.Track.LastReadFrame)
            .ThenBy(m => m.ObservationIndex)
            .ToList();
        Interlocked.Add(ref _deferredRecognitions, Math.Max(0, due.Count - _options.MaxRecognitionsPerFrame));
        foreach (var match in due.Take(_options.MaxRecognitionsPerFrame))
        {
            RecognizedText reading;
            try
            {
                reading = _recognizer.Recognize(_crop(frame, observations[match.ObservationIndex].Box));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Interlocked.Increment(ref _skippedFrames);
                if (_recognizerFailing++ == 0)
                {
                    LogRecognizerFailed(_logger, _recognizer.Name, frame.ToString(), error);
                }

                return null;
            }

            _recognizerFailing = 0;
            recognised++;
            Interlocked.Increment(ref _recognitions);
            _tracker.AddReading(match.Track, reading with { Text = reading.Confidence < _options.MinConfidence ? "" : reading.Text ?? "" });
        }

        if (recognised > 0)
        {
            recognizedAt = _time.GetTimestamp();
        }

        var items = Items(out var requests, out var translatedAt);
        // A translation that arrived between frames is stamped when this frame picked it up at the earliest.
        var timings = new SignFrameTimings(detected.CapturedAt, detected.DetectedAt, recognizedAt, Math.Max(translatedAt, recognizedAt), _time.GetTimestamp())
        {
            Regions = detected.Regions.Count,
            Recognitions = recognised,
            TranslationRequests = requests,
        };
        return new SignSnapshot(frame.Sequence, frame.Timestamp, frame.Width, frame.Height, items, timings);
    }

    /// <summary>The overlays from the tracks' current state, with translations asked for or picked up.</summary>
    private List<SignItem> Items(out int requests, out long translatedAt)
    {
        var drafts = _options.Menu ? MenuDrafts() : SignDrafts();
        requests = 0;
        translatedAt = 0;
        var items = new List<SignItem>(drafts.Count);
        var present = new HashSet<long>();
        foreach (var d in drafts)
        {
            present.Add(d.Id);
            var language = SignLanguage.Of(d.Reading, _options.SourceLanguage);
            if (!_translations.TryGetValue(d.Id, out var state) || !string.Equals(state.Text, d.Text, StringComparison.Ordinal))
            {
                state = new ItemTranslation(d.Text, _translator.Request(d.Text, language, out var requested));
                requests += requested ? 1 : 0;
                _translations[d.Id] = state;
            }
            else if (state.Translation is null && _translator.Poll(d.Text, language, out var arrived) is { } translation)
            {
                state = state with { Translation = translation };
                _translations[d.Id] = state;
                translatedAt = Math.Max(translatedAt, arrived);
            }

            items.Add(new SignItem(d.Id, d.Kind, d.Text, state.Translation, language, d.Box, d.Price, d.Engine, items.Count));
        }

        foreach (var id in _translations.Keys.Where(id => !present.Contains(id)).ToList())
        {
            _translations.Remove(id);
        }

        return items;
    }

    private IReadOnlyList<TextRegion> Cap(IReadOnlyList<TextRegion> regions)
    {
        if (regions.Count <= _options.MaxRegions)
        {
            return regions;
        }

        Interlocked.Add(ref _cappedRegions, regions.Count - _options.MaxRegions);
        // The highest-scoring ones, kept in the detector's reading order.
        return [.. regions.Select((r, i) => (r, i)).OrderByDescending(x => x.r.Score).Take(_options.MaxRegions).OrderBy(x => x.i).Select(x => x.r)];
    }

    private List<Draft> SignDrafts()
    {
        var shown = _tracker.Tracks.Where(t => t.ShownText is { } text && TranslationCache.Normalize(text).Length > 0).ToList();
        return [.. ReadingOrder(shown).Select(t => new Draft(t.Id, SignKind.Sign, t.ShownText!, t.Box, null, t.ShownEngine, t.ShownReading))];
    }

    private List<Draft> MenuDrafts()
    {
        var tracks = _tracker.Tracks.Where(t => t.ShownText is { } text && TranslationCache.Normalize(text).Length > 0).ToDictionary(t => t.Id);
        var entries = MenuParser.Parse([.. tracks.Values.Select(t => new MenuLine(t.Id, t.ShownText!, t.Box))]);
        // An orphan price has no name to translate and is printed right there: no overlay.
        return [.. entries.Where(e => e.Name.Length > 0).Select(e => new Draft(
            e.Id, e.IsItem ? SignKind.MenuItem : SignKind.Sign, e.Name, e.Box, e.Price, tracks[e.Id].ShownEngine, tracks[e.Id].ShownReading))];
    }

    /// <summary>Top to bottom by rows (centres within half a line height), left to right within a row.</summary>
    private static IEnumerable<SignTrack> ReadingOrder(List<SignTrack> tracks)
    {
        var rows = new List<List<SignTrack>>();
        foreach (var t in tracks.OrderBy(t => t.Box.Center.Y))
        {
            var row = rows.Count == 0 ? null : rows[^1];
            if (row is not null && MathF.Abs(t.Box.Center.Y - row[0].Box.Center.Y) <= 0.5f * MathF.Min(t.Box.Height, row[0].Box.Height))
            {
                row.Add(t);
            }
            else
            {
                rows.Add([t]);
            }
        }

        return rows.SelectMany(r => r.OrderBy(t => t.Box.Center.X));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Text detector '{Detector}' failed on {Frame}; frame skipped (further failures in a row are counted, not logged).")]
    private static partial void LogDetectorFailed(ILogger logger, string detector, string frame, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Text recogniser '{Recognizer}' failed on {Frame}; frame skipped (further failures in a row are counted, not logged).")]
    private static partial void LogRecognizerFailed(ILogger logger, string recognizer, string frame, Exception error);

    private sealed record Detected(ImageFrame Frame, IReadOnlyList<TextRegion> Regions, long CapturedAt, long DetectedAt);

    private sealed record Draft(long Id, SignKind Kind, string Text, Geometry.Quad Box, string? Price, string Engine, RecognizedText? Reading);

    private sealed record ItemTranslation(string Text, string? Translation);
}
