using Captions.Renderer.Text;

namespace Captions.Renderer.Drawing;

/// <summary>
/// Renders a <see cref="RenderFrame"/> on the CPU with exactly the blend <see cref="DrawQuad"/> documents, into RGBA8
/// with both eyes side by side (left eye in the left half, rows top-first): the same layout the headless GL output
/// reads back. This is the reference GL frames are compared against, and a GL-free way to write PNGs.
/// </summary>
/// <remarks>
/// Conventions shared with the GL renderer: background opaque black (alpha 255, and alpha stays 255 because
/// dst alpha = a + 1 * (1 - a)); a quad's pixels outside its eye are clipped (never bleed into the other eye); a glyph
/// texel outside the atlas has coverage 0; a glyph quad in a frame without an atlas draws nothing.
/// Threading model: stateless; any thread.
/// </remarks>
public static class CpuReferenceRenderer
{
    /// <summary>Bytes a frame needs: 2 x eyeWidth x eyeHeight x 4.</summary>
    public static int BufferSize(RenderFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return 2 * frame.EyeWidth * frame.EyeHeight * 4;
    }

    /// <summary>Clears <paramref name="rgba"/> to opaque black and draws both eyes of <paramref name="frame"/>.</summary>
    public static void Render(RenderFrame frame, Span<byte> rgba)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int size = BufferSize(frame);
        if (rgba.Length < size)
        {
            throw new ArgumentException($"the buffer holds {rgba.Length} bytes, both {frame.EyeWidth}x{frame.EyeHeight} eyes need {size}", nameof(rgba));
        }

        Span<byte> target = rgba[..size];
        for (int i = 0; i < target.Length; i += 4)
        {
            target[i] = 0;
            target[i + 1] = 0;
            target[i + 2] = 0;
            target[i + 3] = 255;
        }

        int stride = 2 * frame.EyeWidth * 4;
        DrawEye(frame, frame.Left, 0, target, stride);
        DrawEye(frame, frame.Right, frame.EyeWidth, target, stride);
    }

    private static void DrawEye(RenderFrame frame, EyeOffset offset, int eyeX, Span<byte> target, int stride)
    {
        GlyphAtlas? atlas = frame.Atlas;
        foreach (ref readonly DrawQuad quad in frame.Quads.Quads)
        {
            if (quad.Kind == QuadKind.Glyph && atlas is null)
            {
                continue;
            }

            float colorAlpha = quad.Color.A / 255f;
            float red = SrgbTransfer.ToLinear(quad.Color.R);
            float green = SrgbTransfer.ToLinear(quad.Color.G);
            float blue = SrgbTransfer.ToLinear(quad.Color.B);
            int left = Math.Max(quad.X + offset.X, 0);
            int top = Math.Max(quad.Y + offset.Y, 0);
            int right = Math.Min(quad.X + offset.X + quad.Width, frame.EyeWidth);
            int bottom = Math.Min(quad.Y + offset.Y + quad.Height, frame.EyeHeight);
            for (int y = top; y < bottom; y++)
            {
                int row = (y * stride) + ((eyeX + left) * 4);
                for (int x = left; x < right; x++, row += 4)
                {
                    float coverage = 1f;
                    if (quad.Kind == QuadKind.Glyph)
                    {
                        coverage = Coverage(atlas!, quad.AtlasX + (x - quad.X - offset.X), quad.AtlasY + (y - quad.Y - offset.Y)) / 255f;
                    }

                    float a = coverage * colorAlpha;
                    if (a <= 0f)
                    {
                        continue;
                    }

                    Span<byte> pixel = target.Slice(row, 4);
                    pixel[0] = Mix(pixel[0], red, a);
                    pixel[1] = Mix(pixel[1], green, a);
                    pixel[2] = Mix(pixel[2], blue, a);
                    pixel[3] = 255;
                }
            }
        }
    }

    private static byte Coverage(GlyphAtlas atlas, int x, int y) =>
        x < 0 || y < 0 || x >= atlas.Width || y >= atlas.Height ? (byte)0 : atlas.Pixels[(y * atlas.Width) + x];

    private static byte Mix(byte destination, float linearColor, float a) =>
        SrgbTransfer.ToSrgb((SrgbTransfer.ToLinear(destination) * (1f - a)) + (linearColor * a));
}
