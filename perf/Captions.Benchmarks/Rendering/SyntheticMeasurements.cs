using System.Diagnostics;
using Captions.Bench.Peers;
using Captions.Renderer.Drawing;
using Captions.Renderer.OpenGL;
using Captions.Renderer.Text;

namespace Captions.Benchmarks.Rendering;

/// <summary>
/// Renderer-only figures with synthetic input (see <see cref="RenderScene"/>): the frame cost of N glyph quads
/// without text layout, and atlas upload cost per glyph (Blit + TexSubImage2D of a 32x32 R8 rectangle), one glyph
/// per upload finished each time (worst case) and 100 uploads then one finish (a new caption's glyphs).
/// </summary>
internal static class SyntheticMeasurements
{
    public static Measurement Frames(HeadlessRenderer renderer, int frames, int quads)
    {
        var atlas = RenderScene.CreateAtlas(200);
        var frame = new RenderFrame(renderer.EyeWidth, renderer.EyeHeight);
        for (int i = 0; i < 10; i++)
        {
            RenderScene.Fill(frame, atlas, quads);
            renderer.Draw(frame);
            renderer.Finish();
        }

        var times = new double[frames];
        double cpu0 = CpuTime.Process.TotalMilliseconds;
        long allocated0 = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < frames; i++)
        {
            long start = Stopwatch.GetTimestamp();
            RenderScene.Fill(frame, atlas, quads);
            renderer.Draw(frame);
            renderer.Finish();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocated0;
        double cpu = (CpuTime.Process.TotalMilliseconds - cpu0) / frames;
        return new Measurement("synthetic.draw_finish", $"synthetic {frame.Quads.Count} quads: draw both eyes + glFinish", "ms", times)
        {
            CpuPerSample = cpu,
            AllocatedBytes = allocated,
            Note = $"{quads} glyph quads of {RenderScene.GlyphWidth}x{RenderScene.GlyphHeight} px + panel, no text layout",
        };
    }

    public static (Measurement Single, Measurement Batched) Uploads(HeadlessRenderer renderer)
    {
        const int size = 32;
        var atlas = RenderScene.CreateAtlas(200);
        renderer.Quads.SyncAtlas(atlas, atlas.TakeDirty()); // the first sight of an atlas uploads all of it
        renderer.Finish();
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

        return (
            new Measurement("atlas_upload.single", "atlas upload, 1 glyph 32x32 + glFinish", "us/glyph", single),
            new Measurement("atlas_upload.batched", "atlas upload, 100 glyphs 32x32 then glFinish", "us/glyph", batched));
    }
}
