using Captions.Engine.Audio;

namespace Captions.Engine.Tests.Audio;

internal static class WavTestHelpers
{
    /// <summary>Reads every frame in chunks of <paramref name="chunkFrames"/>, as the pipeline does.</summary>
    public static float[] ReadAll(WavReader reader, int chunkFrames = 1000)
    {
        var all = new List<float>();
        var chunk = new float[chunkFrames * reader.Info.Channels];
        int frames;
        while ((frames = reader.Read(chunk)) > 0)
        {
            all.AddRange(chunk.AsSpan(0, frames * reader.Info.Channels));
        }

        return [.. all];
    }

    public static float MaxAbsDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
