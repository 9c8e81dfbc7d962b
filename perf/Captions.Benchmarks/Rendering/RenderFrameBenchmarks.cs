using BenchmarkDotNet.Attributes;
using Captions.Renderer.Drawing;
using Captions.Renderer.OpenGL;
using Captions.Renderer.Text;

namespace Captions.Benchmarks.Rendering;

/// <summary>
/// Headless frame cost at 2 x 1920x1080 with ~200 glyph quads (see <see cref="RenderScene"/>); MemoryDiagnoser must
/// show 0 B allocated per operation. BenchmarkDotNet runs setup and iterations on one thread, which owns the context.
/// </summary>
[MemoryDiagnoser]
public class RenderFrameBenchmarks : IDisposable
{
    private HeadlessRenderer? _renderer;
    private GlyphAtlas? _atlas;
    private RenderFrame? _frame;
    private byte[]? _pixels;

    [GlobalSetup]
    public void Setup()
    {
        _renderer = HeadlessRenderer.Create(1920, 1080);
        _atlas = RenderScene.CreateAtlas(200);
        _frame = new RenderFrame(1920, 1080);
        _pixels = new byte[_renderer.Width * _renderer.Height * 4];
    }

    [Benchmark]
    public void DrawBothEyesAndFinish()
    {
        RenderScene.Fill(_frame!, _atlas!, 200);
        _renderer!.Draw(_frame!);
        _renderer.Finish();
    }

    [Benchmark]
    public void DrawAndReadBack()
    {
        RenderScene.Fill(_frame!, _atlas!, 200);
        _renderer!.Render(_frame!, _pixels);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _renderer?.Dispose();
        _renderer = null;
        GC.SuppressFinalize(this);
    }
}
