using Captions.Renderer.Drawing;
using Captions.Renderer.Imaging;

namespace Captions.Renderer.OpenGL.Tests;

public sealed class HeadlessRendererTests
{
    // Tolerance against the CPU reference: llvmpipe rounds its sRGB encode of blended pixels slightly differently
    // from SrgbTransfer.ToSrgb. Measured on llvmpipe (Mesa 22.3): max 1 level, 7.4% of all pixels (about a third of
    // the drawn ones) off by one. A blend-formula mistake (blending encoded values, premultiplying twice, filtering
    // the atlas) moves mid-coverage pixels by 20-60 levels, far past these bounds.
    private const int MaxChannelTolerance = 2;
    private const double MaxDifferingFraction = 0.15;

    [Fact]
    public void Render_SceneWithGlyphsAndPanels_MatchesCpuReferenceWithinTolerance()
    {
        using var renderer = HeadlessRenderer.Create(160, 96);
        var atlas = TestFrames.CreateAtlas();
        var frame = TestFrames.CreateScene(atlas, new EyeOffset(3, 1), new EyeOffset(-3, 1));
        var gl = new byte[CpuReferenceRenderer.BufferSize(frame)];
        var cpu = new byte[gl.Length];

        renderer.Render(frame, gl);
        CpuReferenceRenderer.Render(frame, cpu);

        var comparison = FrameComparison.Compare(cpu, gl);
        SaveOnFailure(comparison, frame, gl, cpu);
        comparison.MaxChannelDifference.Should().BeLessThanOrEqualTo(MaxChannelTolerance, $"GL vs CPU: {comparison}");
        comparison.DifferingFraction.Should().BeLessThanOrEqualTo(MaxDifferingFraction, $"GL vs CPU: {comparison}");
        NonBlackPixels(gl).Should().BeGreaterThan(2000, "the scene draws glyphs and panels in both eyes");
    }

    private static int NonBlackPixels(ReadOnlySpan<byte> rgba)
    {
        int count = 0;
        for (int i = 0; i < rgba.Length; i += 4)
        {
            if (rgba[i] + rgba[i + 1] + rgba[i + 2] > 0)
            {
                count++;
            }
        }

        return count;
    }

    private static void SaveOnFailure(FrameComparison comparison, RenderFrame frame, byte[] gl, byte[] cpu)
    {
        if (comparison.MaxChannelDifference <= MaxChannelTolerance && comparison.DifferingFraction <= MaxDifferingFraction)
        {
            return;
        }

        string directory = Path.Combine(Path.GetTempPath(), "captions-gl-test");
        Directory.CreateDirectory(directory);
        PngWriter.WriteFile(Path.Combine(directory, "gl.png"), gl, 2 * frame.EyeWidth, frame.EyeHeight);
        PngWriter.WriteFile(Path.Combine(directory, "cpu.png"), cpu, 2 * frame.EyeWidth, frame.EyeHeight);
    }
}
