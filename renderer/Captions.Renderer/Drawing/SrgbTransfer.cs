namespace Captions.Renderer.Drawing;

/// <summary>
/// The sRGB transfer function (IEC 61966-2-1), as GL applies it to SRGB8_ALPHA8 framebuffers: decode through a
/// 256-entry table, encode by formula with round-to-nearest.
/// </summary>
public static class SrgbTransfer
{
    private static readonly float[] s_toLinear = BuildDecodeTable();

    /// <summary>Linear light (0..1) of an sRGB-encoded byte.</summary>
    public static float ToLinear(byte encoded) => s_toLinear[encoded];

    /// <summary>The sRGB-encoded byte nearest to linear light <paramref name="linear"/> (clamped to 0..1).</summary>
    public static byte ToSrgb(float linear)
    {
        float c = Math.Clamp(linear, 0f, 1f);
        float encoded = c <= 0.0031308f ? c * 12.92f : (1.055f * MathF.Pow(c, 1f / 2.4f)) - 0.055f;
        return (byte)((encoded * 255f) + 0.5f);
    }

    private static float[] BuildDecodeTable()
    {
        var table = new float[256];
        for (int i = 0; i < table.Length; i++)
        {
            float c = i / 255f;
            table[i] = c <= 0.04045f ? c / 12.92f : MathF.Pow((c + 0.055f) / 1.055f, 2.4f);
        }

        return table;
    }
}
