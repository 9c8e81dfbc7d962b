using System.Diagnostics;
using System.Globalization;
using Captions.Renderer.Drawing;
using Captions.Renderer.Imaging;
using Captions.Renderer.OpenGL;
using Spectre.Console;

namespace Captions.Benchmarks.Rendering;

/// <summary>
/// `dotnet run -c Release --project perf/Captions.Benchmarks -- render [--eye 1920x1080] [--frames 300] [--quads 200] [--png FILE]`:
/// headless EGL (llvmpipe here) at two eyes side by side. Measures, on one thread that owns the context:
/// (1) frame time p50/p95 of draw both eyes + glFinish, and of draw + readback (glReadPixels of both eyes);
/// (2) atlas upload cost per glyph (Blit + TexSubImage2D of a 32x32 R8 rectangle), one glyph per upload and finished
/// each time (worst case), and 100 uploads then one finish (a new caption's glyphs);
/// (3) bytes allocated per steady frame (must be 0).
/// </summary>
public static class RenderRunner
{
    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int eyeWidth = 1920;
        int eyeHeight = 1080;
        int frames = 300;
        int quads = 200;
        string? png = null;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--eye":
                    var parts = args[i + 1].Split('x');
                    eyeWidth = int.Parse(parts[0], CultureInfo.InvariantCulture);
                    eyeHeight = int.Parse(parts[1], CultureInfo.InvariantCulture);
                    break;
                case "--frames":
                    frames = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--png":
                    png = args[i + 1];
                    break;
                case "--quads":
                    quads = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    AnsiConsole.MarkupLineInterpolated($"[red]unknown option {args[i]}[/]: render [[--eye WxH]] [[--frames N]] [[--quads N]] [[--png FILE]]");
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

        using (renderer)
        {
            Measure(renderer, eyeWidth, eyeHeight, frames, quads, png);
        }

        return Task.FromResult(0);
    }

    private static void Measure(HeadlessRenderer renderer, int eyeWidth, int eyeHeight, int frames, int quads, string? png)
    {
        var atlas = RenderScene.CreateAtlas(200);
        var frame = new RenderFrame(eyeWidth, eyeHeight);
        var pixels = new byte[renderer.Width * renderer.Height * 4];
        var drawTimes = new double[frames];
        var readbackTimes = new double[frames];

        // Warm-up: shader compile, first full atlas upload, driver buffers, JIT.
        for (int i = 0; i < 20; i++)
        {
            RenderScene.Fill(frame, atlas, quads);
            renderer.Render(frame, pixels);
        }

        // CPU time of the whole process (llvmpipe's worker threads included) per frame: less sensitive than wall time
        // to other load on a shared 2-core machine.
        using var process = Process.GetCurrentProcess();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        for (int i = 0; i < frames; i++)
        {
            long start = Stopwatch.GetTimestamp();
            RenderScene.Fill(frame, atlas, quads);
            renderer.Draw(frame);
            renderer.Finish();
            drawTimes[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        process.Refresh();
        double drawCpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / frames;
        cpuBefore = process.TotalProcessorTime;
        for (int i = 0; i < frames; i++)
        {
            long start = Stopwatch.GetTimestamp();
            RenderScene.Fill(frame, atlas, quads);
            renderer.Render(frame, pixels);
            readbackTimes[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        process.Refresh();
        double readbackCpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / frames;

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (png is not null)
        {
            PngWriter.WriteFile(png, pixels, renderer.Width, renderer.Height);
            AnsiConsole.MarkupLineInterpolated($"last frame written to {png}");
        }

        var (single, batched) = MeasureUploads(renderer, atlas);
        var change = MeasureCaptionChange(renderer, atlas, frame, quads);

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"headless {renderer.RendererName}, 2 x {eyeWidth}x{eyeHeight}, {frame.Quads.Count} quads ({quads} glyphs of {RenderScene.GlyphWidth}x{RenderScene.GlyphHeight} px + panel), {frames} frames each")
            .AddColumns("measure", "p50", "p95", "mean", "process CPU / frame");
        table.AddRow("draw both eyes + glFinish (ms)", F(Percentile(drawTimes, 0.5)), F(Percentile(drawTimes, 0.95)), F(drawTimes.Average()), F(drawCpu));
        table.AddRow("draw + readback RGBA8 (ms)", F(Percentile(readbackTimes, 0.5)), F(Percentile(readbackTimes, 0.95)), F(readbackTimes.Average()), F(readbackCpu));
        table.AddRow("caption change, 40 unseen 32x32 glyphs: upload + draw + finish (ms)", F(Percentile(change, 0.5)), F(Percentile(change, 0.95)), F(change.Average()), "");
        table.AddRow("atlas upload, 1 glyph 32x32 + finish (µs/glyph)", F(Percentile(single, 0.5)), F(Percentile(single, 0.95)), F(single.Average()), "");
        table.AddRow("atlas upload, 100 glyphs then finish (µs/glyph)", F(Percentile(batched, 0.5)), F(Percentile(batched, 0.95)), F(batched.Average()), "");
        table.AddRow("allocated bytes / frame", F((double)allocated / (2 * frames)), "", $"{allocated} B over {2 * frames} frames", "");
        AnsiConsole.Write(table);
    }

    /// <summary>Per-glyph upload cost: Blit into the CPU atlas, then TexSubImage2D of the dirty 32x32 rectangle.</summary>
    private static (double[] Single, double[] Batched) MeasureUploads(HeadlessRenderer renderer, Renderer.Text.GlyphAtlas atlas)
    {
        const int size = 32;
        var glyph = new byte[size * size];
        new Random(3).NextBytes(glyph);
        var single = new double[400];
        for (int i = 0; i < single.Length; i++)
        {
            int x = i % 32 * size;
            int y = 512 + (i / 32 % 16 * size);
            long start = Stopwatch.GetTimestamp();
            atlas.Blit(x, y, size, size, glyph, size);
            renderer.Quads.SyncAtlas(atlas, atlas.TakeDirty());
            renderer.Finish();
            single[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        var batched = new double[20];
        for (int round = 0; round < batched.Length; round++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < 100; i++)
            {
                atlas.Blit(i % 32 * size, 512 + (i / 32 * size), size, size, glyph, size);
                renderer.Quads.SyncAtlas(atlas, atlas.TakeDirty());
            }

            renderer.Finish();
            batched[round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / 100;
        }

        return (single, batched);
    }

    /// <summary>A new caption whose 40 glyphs are not in the atlas yet: blit + dirty upload, then the frame drawn and finished.</summary>
    private static double[] MeasureCaptionChange(HeadlessRenderer renderer, Renderer.Text.GlyphAtlas atlas, RenderFrame frame, int quads)
    {
        const int size = 32;
        var glyph = new byte[size * size];
        new Random(5).NextBytes(glyph);
        var times = new double[30];
        for (int round = 0; round < times.Length; round++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < 40; i++)
            {
                atlas.Blit(i % 32 * size, 768 + (i / 32 * size), size, size, glyph, size);
            }

            RenderScene.Fill(frame, atlas, quads);
            renderer.Draw(frame);
            renderer.Finish();
            times[round] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return times;
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
