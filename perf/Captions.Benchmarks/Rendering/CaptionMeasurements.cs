using System.Diagnostics;
using Captions.Bench.Peers;
using Captions.Engine.Captioning;
using Captions.Renderer.Imaging;
using Captions.Renderer.OpenGL;
using Captions.Renderer.Text;

namespace Captions.Benchmarks.Rendering;

/// <summary>
/// Real caption scenes on one thread that owns the GL context (the render thread's view):
/// steady frames (compose + draw both eyes + glFinish; compose + draw + readback) and caption changes, timed from
/// <see cref="Renderer.Scene.CaptionSceneBuilder.Apply"/> on this same thread, immediately before the Compose that
/// picks the scene up, until glFinish of the frame showing it. In the live loop the change also waits for the next
/// frame to start (up to one frame period at the display's rate); that wait is pacing, not work, and is left out.
/// The frame's presented record is checked, so a change that did not reach the frame fails the run.
/// </summary>
internal sealed class CaptionMeasurements(HeadlessRenderer renderer, FontCollection fonts, int frames, int changes)
{
    /// <summary>Glyphs per new Chinese line: the unseen-glyph case rasterises exactly this many.</summary>
    public const int ChunkGlyphs = 20;

    /// <summary>Clock step between changes: the previous roll-up (250..500 ms) is over, lines live 1.5..7 s.</summary>
    private static readonly TimeSpan s_changeInterval = TimeSpan.FromSeconds(1);

    private readonly byte[] _pixels = new byte[renderer.Width * renderer.Height * 4];

    /// <summary>Unseen ideographs for every benchmark of this run (each handed out once).</summary>
    public IdeographWalker Ideographs { get; } = new(fonts);

    /// <summary>Quads of the last steady scene measured (for the table title).</summary>
    public int LastQuads { get; private set; }

    public (Measurement Draw, Measurement Readback) Steady(string key, string name, string source, string translation, string? png)
    {
        using var rig = new CaptionRig(renderer.EyeWidth, renderer.EyeHeight, fonts);
        rig.Builder.Apply(rig.NewLine(source, translation));

        // Warm-up: JIT, first full atlas upload, shaping and rasterising the caption's glyphs, driver buffers.
        for (int i = 0; i < 10; i++)
        {
            rig.Compose();
            renderer.Render(rig.Frame, _pixels);
        }

        var draw = new double[frames];
        var readback = new double[frames];
        double cpu0 = CpuTime.Process.TotalMilliseconds;
        long allocated0 = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < frames; i++)
        {
            long start = Stopwatch.GetTimestamp();
            rig.Compose();
            renderer.Draw(rig.Frame);
            renderer.Finish();
            draw[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        long allocated1 = GC.GetAllocatedBytesForCurrentThread();
        double cpu1 = CpuTime.Process.TotalMilliseconds;
        for (int i = 0; i < frames; i++)
        {
            long start = Stopwatch.GetTimestamp();
            rig.Compose();
            renderer.Render(rig.Frame, _pixels);
            readback[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        long allocated2 = GC.GetAllocatedBytesForCurrentThread();
        double cpu2 = CpuTime.Process.TotalMilliseconds;
        LastQuads = rig.Frame.Quads.Count;
        if (png is not null)
        {
            PngWriter.WriteFile(png, _pixels, renderer.Width, renderer.Height);
        }

        string note = $"{rig.Frame.Quads.Count} quads, text {rig.Composer.Layout.TextSize} px, source {rig.Composer.Layout.SourceSize} px";
        return (
            new Measurement($"{key}.compose_draw_finish", $"{name}: compose + draw both eyes + glFinish", "ms", draw)
            {
                CpuPerSample = (cpu1 - cpu0) / frames,
                AllocatedBytes = allocated1 - allocated0,
                Note = note,
            },
            new Measurement($"{key}.compose_draw_readback", $"{name}: compose + draw + readback RGBA8", "ms", readback)
            {
                CpuPerSample = (cpu2 - cpu1) / frames,
                AllocatedBytes = allocated2 - allocated1,
                Note = note,
            });
    }

    /// <summary>(a) New English lines whose glyphs are all cached (the six sentences, shown once each before timing).</summary>
    public ChangeResult EnglishCached()
    {
        using var rig = new CaptionRig(renderer.EyeWidth, renderer.EyeHeight, fonts);
        var texts = CaptionTexts.English;
        var lines = new CaptionLine[texts.Length + changes];
        for (int i = 0; i < lines.Length; i++)
        {
            var (source, translation) = texts[i % texts.Length];
            lines[i] = rig.NewLine(source, translation);
        }

        return Changes(rig, lines, texts.Length, "change.english_cached", "caption change, new English line, glyphs cached");
    }

    /// <summary>(c) New Chinese lines of 20 ideographs already in the atlas (six chunks, shown once each before timing).</summary>
    public ChangeResult ChineseCached()
    {
        using var rig = new CaptionRig(renderer.EyeWidth, renderer.EyeHeight, fonts);
        const int pool = 6;
        var chunks = new string[pool];
        for (int i = 0; i < pool; i++)
        {
            chunks[i] = Ideographs.Next(ChunkGlyphs);
        }

        var lines = new CaptionLine[pool + changes];
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = rig.NewLine(CaptionTexts.EnglishSources[i % CaptionTexts.EnglishSources.Length], chunks[i % pool]);
        }

        return Changes(rig, lines, pool, "change.chinese_cached", "caption change, new Chinese line (20 ideographs), glyphs cached");
    }

    /// <summary>
    /// (b) New Chinese lines of 20 ideographs no atlas has seen (every line a fresh chunk of the block); the English
    /// source above is cached. After ~450 ideographs at 49 px the 1024x1024 atlas is full and shelves get evicted.
    /// Allocation here is the glyph cache growing to that capacity: 71,912 B in total whether 30 or 90 changes are
    /// timed, so none per change once the atlas cycles.
    /// </summary>
    public ChangeResult ChineseUnseen()
    {
        using var rig = new CaptionRig(renderer.EyeWidth, renderer.EyeHeight, fonts);
        const int warm = 6;
        var lines = new CaptionLine[warm + changes];
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = rig.NewLine(CaptionTexts.EnglishSources[i % CaptionTexts.EnglishSources.Length], Ideographs.Next(ChunkGlyphs));
        }

        return Changes(rig, lines, warm, "change.chinese_unseen", "caption change, new Chinese line (20 ideographs), glyphs never seen");
    }

    private ChangeResult Changes(CaptionRig rig, CaptionLine[] lines, int warm, string key, string label)
    {
        var atlas = rig.Layouter.Atlas;
        int timed = lines.Length - warm;
        var total = new double[timed];
        var compose = new double[timed];
        var upload = new double[timed];
        var draw = new double[timed];
        double cpu = 0;
        long allocated = 0;
        long texels = 0;
        long evictions0 = 0;
        int notPresented = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (i == warm)
            {
                evictions0 = rig.Layouter.Glyphs.Evictions;
            }

            // The frame before the change: the last roll-up is over, nothing is pending on the GPU.
            rig.Clock.Advance(s_changeInterval);
            rig.Compose();
            renderer.Draw(rig.Frame);
            renderer.Finish();

            long texels0 = renderer.Quads.UploadedTexels;
            double cpu0 = CpuTime.Process.TotalMilliseconds;
            long allocated0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            rig.Builder.Apply(lines[i]);
            rig.Compose();
            long t1 = Stopwatch.GetTimestamp();
            renderer.Quads.SyncAtlas(atlas, atlas.TakeDirty()); // what Draw does first; separate only to time it
            long t2 = Stopwatch.GetTimestamp();
            renderer.Draw(rig.Frame);
            renderer.Finish();
            long t3 = Stopwatch.GetTimestamp();
            long allocated1 = GC.GetAllocatedBytesForCurrentThread();
            double cpu1 = CpuTime.Process.TotalMilliseconds;

            if (!Presented(rig, lines[i].Id))
            {
                notPresented++;
            }

            if (i >= warm)
            {
                int k = i - warm;
                total[k] = Stopwatch.GetElapsedTime(t0, t3).TotalMilliseconds;
                compose[k] = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                upload[k] = Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
                draw[k] = Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
                cpu += cpu1 - cpu0;
                allocated += allocated1 - allocated0;
                texels += renderer.Quads.UploadedTexels - texels0;
            }
        }

        if (notPresented > 0)
        {
            throw new InvalidOperationException($"{label}: {notPresented} of {lines.Length} changes were not shown by the frame composed right after them");
        }

        return new ChangeResult(
            new Measurement(key, label, "ms", total)
            {
                CpuPerSample = cpu / timed,
                AllocatedBytes = allocated,
                Note = $"apply+compose {Measurement.Percentile(compose, 0.5):F2}, atlas upload {Measurement.Percentile(upload, 0.5):F2}, draw+finish {Measurement.Percentile(draw, 0.5):F2} (p50 ms)",
            },
            compose,
            upload,
            texels / (double)timed,
            rig.Layouter.Glyphs.Evictions - evictions0);
    }

    /// <summary>Runs the frame-presented hook as the render loop does after a frame and looks for the line's record.</summary>
    private static bool Presented(CaptionRig rig, long id)
    {
        rig.Composer.OnPresented(rig.Clock.GetTimestamp());
        bool found = false;
        while (rig.Composer.Presented.Reader.TryRead(out var record))
        {
            found |= record.LineId == id;
        }

        return found;
    }
}
