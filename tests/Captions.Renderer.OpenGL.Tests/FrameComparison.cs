namespace Captions.Renderer.OpenGL.Tests;

/// <summary>Differences between two RGBA8 frames of the same size.</summary>
internal readonly record struct FrameComparison(int MaxChannelDifference, int DifferingPixels, int TotalPixels)
{
    public double DifferingFraction => (double)DifferingPixels / TotalPixels;

    public static FrameComparison Compare(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        if (expected.Length != actual.Length)
        {
            throw new ArgumentException($"frames differ in size: {expected.Length} vs {actual.Length} bytes");
        }

        int max = 0;
        int differing = 0;
        for (int i = 0; i < expected.Length; i += 4)
        {
            int pixelMax = 0;
            for (int c = 0; c < 4; c++)
            {
                pixelMax = Math.Max(pixelMax, Math.Abs(expected[i + c] - actual[i + c]));
            }

            max = Math.Max(max, pixelMax);
            if (pixelMax > 0)
            {
                differing++;
            }
        }

        return new FrameComparison(max, differing, expected.Length / 4);
    }
}
