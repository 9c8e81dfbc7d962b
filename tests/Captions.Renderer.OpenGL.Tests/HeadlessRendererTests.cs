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

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void Render_OppositeEyeOffsets_RightEyeIsLeftEyeShiftedByTwiceTheDisparity(int disparity)
    {
        using var renderer = HeadlessRenderer.Create(160, 96);
        var frame = TestFrames.CreateScene(TestFrames.CreateAtlas(), new EyeOffset(disparity, 0), new EyeOffset(-disparity, 0), pastEdge: false);
        var pixels = new byte[CpuReferenceRenderer.BufferSize(frame)];

        renderer.Render(frame, pixels);

        // Right eye x shows what the left eye shows at x + 2d; the right eye's last 2d columns and the left eye's
        // first 2d columns are black (the scene stays 10 px inside the eye).
        int stride = 2 * 160 * 4;
        int shift = 2 * disparity;
        for (int y = 0; y < 96; y++)
        {
            var left = pixels.AsSpan((y * stride) + (shift * 4), (160 - shift) * 4);
            var right = pixels.AsSpan((y * stride) + (160 * 4), (160 - shift) * 4);
            right.SequenceEqual(left).Should().BeTrue($"row {y} of the right eye must equal the left eye's shifted by {shift} px");
            IsBlack(pixels.AsSpan((y * stride) + ((320 - shift) * 4), shift * 4)).Should().BeTrue($"row {y}: the right eye's last {shift} columns are empty");
            IsBlack(pixels.AsSpan(y * stride, shift * 4)).Should().BeTrue($"row {y}: the left eye's first {shift} columns are empty");
        }

        NonBlackPixels(pixels).Should().BeGreaterThan(2000);
    }

    [Fact]
    public void Render_AtlasChangedAfterFirstFrame_NextFrameShowsTheNewCoverage()
    {
        using var renderer = HeadlessRenderer.Create(160, 96);
        var atlas = TestFrames.CreateAtlas();
        var frame = TestFrames.CreateScene(atlas);
        var first = new byte[CpuReferenceRenderer.BufferSize(frame)];
        var second = new byte[first.Length];
        var reference = new byte[first.Length];
        renderer.Render(frame, first);

        // Clear the glyph block (0,16 20x24) that three glyph quads sample, through the dirty rectangle only.
        atlas.Blit(0, 16, 20, 24, new byte[20 * 24], 20);
        renderer.Render(frame, second);
        CpuReferenceRenderer.Render(frame, reference);

        FrameComparison.Compare(first, second).DifferingPixels.Should().BeGreaterThan(1000, "three glyph quads lost their coverage");
        var comparison = FrameComparison.Compare(reference, second);
        comparison.MaxChannelDifference.Should().BeLessThanOrEqualTo(MaxChannelTolerance, $"{comparison}");
        comparison.DifferingFraction.Should().BeLessThanOrEqualTo(MaxDifferingFraction, $"{comparison}");
        renderer.Quads.UploadedTexels.Should().Be((256 * 128) + (20 * 24), "one full upload, then only the dirty rectangle");
    }

    [Fact]
    public void Render_EmptyFrame_IsOpaqueBlack()
    {
        using var renderer = HeadlessRenderer.Create(64, 32);
        var frame = new RenderFrame(64, 32);
        var pixels = new byte[CpuReferenceRenderer.BufferSize(frame)];
        pixels.AsSpan().Fill(77);

        renderer.Render(frame, pixels);

        pixels.Where((b, i) => i % 4 != 3).Should().OnlyContain(b => b == 0);
        pixels.Where((b, i) => i % 4 == 3).Should().OnlyContain(b => b == 255);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, -3)]
    public void Render_ContentMovesBetweenFrames_NothingOfThePreviousFrameRemains(int offsetX, int offsetY)
    {
        // Only what the previous frame drew is cleared: every frame must still equal a fresh CPU rendering of itself.
        using var renderer = HeadlessRenderer.Create(96, 48);
        var frame = new RenderFrame(96, 48);
        var gl = new byte[CpuReferenceRenderer.BufferSize(frame)];
        var cpu = new byte[gl.Length];
        (int X, int Y, int W, int H)[] placements = [(2, 2, 20, 10), (60, 30, 30, 15), (-5, 40, 20, 20), (0, 0, 0, 0), (40, 5, 10, 40)];

        foreach (var (x, y, w, h) in placements)
        {
            frame.Clear();
            frame.Left = new EyeOffset(offsetX, offsetY);
            frame.Right = new EyeOffset(-offsetX, offsetY);
            if (w > 0)
            {
                frame.Quads.Add(DrawQuad.Solid(x, y, w, h, new Rgba32(250, 200, 100, 255)));
                frame.Quads.Add(DrawQuad.Solid(x + 3, y + 2, w / 2, h / 2, new Rgba32(20, 90, 255, 128)));
            }

            renderer.Render(frame, gl);
            CpuReferenceRenderer.Render(frame, cpu);

            FrameComparison.Compare(cpu, gl).MaxChannelDifference.Should().BeLessThanOrEqualTo(2, $"frame with a panel at {x},{y} {w}x{h}");
        }
    }

    [Fact]
    public void Render_FrameOfAnotherSize_ThrowsNamingBothSizes()
    {
        using var renderer = HeadlessRenderer.Create(64, 32);
        var frame = new RenderFrame(65, 32);

        var act = () => renderer.Draw(frame);

        act.Should().Throw<ArgumentException>().WithMessage("*65x32*64x32*");
    }

    private static bool IsBlack(ReadOnlySpan<byte> rgba)
    {
        for (int i = 0; i < rgba.Length; i += 4)
        {
            if (rgba[i] + rgba[i + 1] + rgba[i + 2] != 0)
            {
                return false;
            }
        }

        return true;
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
