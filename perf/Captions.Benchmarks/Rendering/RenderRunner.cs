using System.Globalization;
using Captions.Engine.Captioning;
using Captions.Renderer.OpenGL;
using Captions.Renderer.Text;
using Spectre.Console;

namespace Captions.Benchmarks.Rendering;

/// <summary>
/// `dotnet run -c Release --project perf/Captions.Benchmarks -- render [--eye 1920x1080] [--frames 80] [--changes 30]
/// [--quads 200] [--png FILE] [--json FILE]`: headless EGL (llvmpipe here), both eyes side by side, everything on one
/// thread that owns the context (the render thread's view). Reports:
/// (1) frame time p50/p95 of real caption scenes (CaptionSceneBuilder -> CaptionComposer -> TextLayouter, default
/// style and fonts): a two-row English translation under its Spanish source, and a two-row Chinese translation under
/// its English source; compose + draw both eyes + glFinish, and compose + draw + readback;
/// (2) caption-change-to-frame-ready time (see <see cref="CaptionMeasurements"/>) for a new English line with cached
/// glyphs, a new Chinese line of 20 never-seen ideographs, and one of 20 cached ideographs, and from the last two the
/// cost per unseen glyph (rasterise + atlas upload); and the same across threads in a live loop
/// (<see cref="LiveChangeMeasurement"/>);
/// (3) atlas upload cost per glyph (synthetic 32x32); (4) bytes allocated per steady frame (must be 0);
/// (5) process CPU per frame next to wall time, since this machine is shared. Defaults finish in well under a minute
/// on 2 busy cores; --frames and --changes scale the sample counts.
/// Measured 2026-11-22 on llvmpipe (LLVM 15, 2 shared cores, load average ~3.5), p50 wall / process CPU per op:
/// English scene 14.3 / 16.7 ms, + readback 17.3 / 19.2 ms; Chinese scene 15.7 / 15.8 ms, + readback 19.1 / 19.0 ms;
/// change with cached English 17.9 ms, unseen Chinese 17.4 ms, cached Chinese 15.1 ms (apply + compose 0.6, 1.3 and
/// 0.2 ms of it: the rest is the frame); unseen CJK glyph 65 us (shape + rasterise + upload; upload ~2.4 us);
/// live loop across threads 11..27 ms; 32x32 upload 1.7..2.1 us per glyph; 0 B per steady frame. At load ~2.4 the
/// frames take half the wall time (6.9 ms) for the same CPU: compare CPU/op between runs.
/// </summary>
public static class RenderRunner
{
    private const string Usage = "render [[--eye WxH]] [[--frames N]] [[--changes N]] [[--quads N]] [[--png FILE]] [[--json FILE]]";

    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int eyeWidth = 1920;
        int eyeHeight = 1080;
        int frames = 80;
        int changes = 30;
        int quads = 200;
        string? png = null;
        string? json = null;
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]option {args[i]} needs a value[/]");
                AnsiConsole.MarkupLine(Usage);
                return Task.FromResult(2);
            }

            string value = args[i + 1];
            switch (args[i])
            {
                case "--eye":
                    var parts = value.Split('x');
                    eyeWidth = int.Parse(parts[0], CultureInfo.InvariantCulture);
                    eyeHeight = int.Parse(parts[1], CultureInfo.InvariantCulture);
                    break;
                case "--frames":
                    frames = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--changes":
                    changes = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--quads":
                    quads = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--png":
                    png = value;
                    break;
                case "--json":
                    json = value;
                    break;
                default:
                    AnsiConsole.MarkupLineInterpolated($"[red]unknown option {args[i]}[/]");
                    AnsiConsole.MarkupLine(Usage);
                    return Task.FromResult(2);
            }
        }

        HeadlessRenderer renderer;
        try
        {
            renderer = HeadlessRenderer.Create(eyeWidth, eyeHeight);
        }
        catch (GraphicsUnavailableException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return Task.FromResult(1);
        }

        // Redirected output (files, CI logs) gets 80 columns by default: too narrow for the table.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 150;
        }

        using (renderer)
        {
            using var fonts = new FontCollection();
            Measure(renderer, fonts, frames, changes, quads, png, json);
        }

        return Task.FromResult(0);
    }

    private static void Measure(HeadlessRenderer renderer, FontCollection fonts, int frames, int changes, int quads, string? png, string? json)
    {
        string loadBefore = LoadAverage();
        var started = DateTime.UtcNow;
        var real = new CaptionMeasurements(renderer, fonts, frames, changes);
        var english = CaptionTexts.English[0];
        var (englishDraw, englishReadback) = real.Steady("english", "English 2 rows + source", english.Source, english.Translation, png);
        var (chineseDraw, chineseReadback) = real.Steady(
            "chinese", "Chinese 2 rows + source", CaptionTexts.ChineseSource, CaptionTexts.ChineseTranslation, png is null ? null : Path.ChangeExtension(png, null) + "-zh.png");
        var englishCached = real.EnglishCached();
        var chineseCached = real.ChineseCached();
        var chineseUnseen = real.ChineseUnseen();
        var (perGlyph, perGlyphUpload) = PerGlyph(chineseUnseen, chineseCached);
        var live = new LiveChangeMeasurement(renderer, fonts);
        var liveEnglish = live.Run("live_change.english_cached", "live loop, change from producer thread: English, cached", rig => LiveLines(rig, changes, null), 6);
        var liveChinese = live.Run("live_change.chinese_unseen", "live loop, change from producer thread: Chinese, unseen", rig => LiveLines(rig, changes, real.Ideographs), 6);
        var synthetic = SyntheticMeasurements.Frames(renderer, frames, quads);
        var (single, batched) = SyntheticMeasurements.Uploads(renderer);
        var elapsed = DateTime.UtcNow - started;
        string loadAfter = LoadAverage();

        Measurement[] measurements =
        [
            englishDraw, englishReadback, chineseDraw, chineseReadback,
            englishCached.Total, chineseUnseen.Total, chineseCached.Total, perGlyph, perGlyphUpload, liveEnglish, liveChinese,
            synthetic, single, batched,
        ];
        string title = $"headless {renderer.RendererName}, 2 x {renderer.EyeWidth}x{renderer.EyeHeight}, {frames} frames per scene, {changes} changes per case";
        string[] notes =
        [
            "caption change rows: from CaptionSceneBuilder.Apply on the render thread (right before Compose) to glFinish of that frame (work only);",
            "live loop rows: Apply on a producer thread 20..60 ms apart while frames run back to back, to glFinish of the first frame showing it (adds the frame in flight).",
            $"unseen Chinese: {chineseUnseen.TexelsPerChange:F0} atlas texels uploaded per change (dirty rectangle), {chineseUnseen.Evictions} glyphs evicted while timing; cached: {chineseCached.TexelsPerChange:F0} texels.",
            $"per unseen glyph = (unseen change's compose + upload - cached change's p50) / {CaptionMeasurements.ChunkGlyphs}.",
            $"steady frames allocated {englishDraw.AllocatedBytes + englishReadback.AllocatedBytes + chineseDraw.AllocatedBytes + chineseReadback.AllocatedBytes} B in {4 * frames} frames (must be 0).",
            $"load average (1/5/15 min) before: {loadBefore}; after: {loadAfter}; {Environment.ProcessorCount} cores; {elapsed.TotalSeconds:F0} s.",
        ];
        RenderReport.Print(title, measurements, notes);

        if (json is not null)
        {
            var context = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["renderer"] = renderer.RendererName,
                ["eye"] = $"{renderer.EyeWidth}x{renderer.EyeHeight}",
                ["frames"] = frames.ToString(CultureInfo.InvariantCulture),
                ["changes"] = changes.ToString(CultureInfo.InvariantCulture),
                ["started_utc"] = started.ToString("O", CultureInfo.InvariantCulture),
                ["load_before"] = loadBefore,
                ["load_after"] = loadAfter,
                ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            };
            var figures = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["steady_allocated_bytes_per_frame"] = (double)(englishDraw.AllocatedBytes + englishReadback.AllocatedBytes + chineseDraw.AllocatedBytes + chineseReadback.AllocatedBytes ?? 0) / (4 * frames),
                ["unseen_glyph_us_p50"] = perGlyph.P50,
                ["unseen_glyph_upload_us_p50"] = perGlyphUpload.P50,
                ["unseen_texels_per_change"] = chineseUnseen.TexelsPerChange,
                ["unseen_evictions"] = chineseUnseen.Evictions,
            };
            RenderReport.WriteJson(json, context, measurements, figures);
            AnsiConsole.WriteLine($"JSON written to {json}");
        }
    }

    /// <summary>Per unseen glyph: each unseen change's compose + upload less the cached case's p50, over 20 glyphs.</summary>
    private static (Measurement RasteriseUpload, Measurement Upload) PerGlyph(ChangeResult unseen, ChangeResult cached)
    {
        int n = unseen.Compose.Length;
        var cachedWork = new double[cached.Compose.Length];
        for (int i = 0; i < cachedWork.Length; i++)
        {
            cachedWork[i] = cached.Compose[i] + cached.Upload[i];
        }

        double baseline = Measurement.Percentile(cachedWork, 0.5);
        double uploadBaseline = Measurement.Percentile(cached.Upload, 0.5);
        var work = new double[n];
        var upload = new double[n];
        for (int i = 0; i < n; i++)
        {
            work[i] = (unseen.Compose[i] + unseen.Upload[i] - baseline) * 1000 / CaptionMeasurements.ChunkGlyphs;
            upload[i] = (unseen.Upload[i] - uploadBaseline) * 1000 / CaptionMeasurements.ChunkGlyphs;
        }

        return (
            new Measurement("unseen_glyph.rasterise_upload", "unseen CJK glyph: shape + rasterise + upload", "us/glyph", work),
            new Measurement("unseen_glyph.upload", "unseen CJK glyph: atlas upload share", "us/glyph", upload));
    }

    /// <summary>English lines (cached glyphs after the first six), or Chinese lines of fresh ideographs under English sources.</summary>
    private static CaptionLine[] LiveLines(CaptionRig rig, int changes, IdeographWalker? ideographs)
    {
        var lines = new CaptionLine[6 + changes];
        for (int i = 0; i < lines.Length; i++)
        {
            var (source, translation) = CaptionTexts.English[i % CaptionTexts.English.Length];
            lines[i] = ideographs is null
                ? rig.NewLine(source, translation)
                : rig.NewLine(CaptionTexts.EnglishSources[i % CaptionTexts.EnglishSources.Length], ideographs.Next(CaptionMeasurements.ChunkGlyphs));
        }

        return lines;
    }

    private static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} {fields[1]} {fields[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
