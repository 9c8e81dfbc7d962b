using Captions.Renderer.Drawing;
using Captions.Renderer.Text;

namespace Captions.Renderer.OpenGL.Tests;

public sealed class CpuReferenceRendererTests
{
    [Theory]
    [InlineData(255, 255)]
    [InlineData(128, 188)] // linear 0.502 encodes to sRGB 188: blending is in linear light, not 128
    [InlineData(64, 137)]
    [InlineData(0, 0)]
    public void Render_WhiteGlyphOverBlack_EncodesLinearCoverage(byte coverage, byte expected)
    {
        var atlas = new GlyphAtlas(16, 16);
        atlas.Blit(0, 0, 1, 1, [coverage], 1);
        var frame = new RenderFrame(4, 4) { Atlas = atlas };
        frame.Quads.Add(DrawQuad.Glyph(1, 1, 1, 1, 0, 0, Rgba32.White));
        var pixels = new byte[CpuReferenceRenderer.BufferSize(frame)];

        CpuReferenceRenderer.Render(frame, pixels);

        int index = ((1 * 8) + 1) * 4;
        pixels[index..(index + 4)].Should().Equal(expected, expected, expected, 255);
    }

    [Fact]
    public void Render_HalfAlphaRedOverWhite_MixesInLinearLight()
    {
        var frame = new RenderFrame(2, 1);
        frame.Quads.Add(DrawQuad.Solid(0, 0, 1, 1, Rgba32.White));
        frame.Quads.Add(DrawQuad.Solid(0, 0, 1, 1, new Rgba32(255, 0, 0, 128)));
        var pixels = new byte[CpuReferenceRenderer.BufferSize(frame)];

        CpuReferenceRenderer.Render(frame, pixels);

        // G and B: linear 1 * (1 - 0.502) = 0.498 -> sRGB 187; R stays 255.
        pixels[..4].Should().Equal(255, 187, 187, 255);
    }

    [Fact]
    public void Render_QuadPastTheEyeEdge_IsClippedToItsEye()
    {
        var frame = new RenderFrame(4, 2) { Left = new EyeOffset(2, 0) };
        frame.Quads.Add(DrawQuad.Solid(1, 0, 4, 2, Rgba32.White));
        var pixels = new byte[CpuReferenceRenderer.BufferSize(frame)];

        CpuReferenceRenderer.Render(frame, pixels);

        // Row 0: left eye x 3 lit (x 1+2 .. clipped at 4); right eye (no offset) x 1..3 lit, x 0 black.
        var row = pixels.AsSpan(0, 8 * 4).ToArray().Where((_, i) => i % 4 == 0).ToArray();
        row.Should().Equal(0, 0, 0, 255, 0, 255, 255, 255);
    }
}
