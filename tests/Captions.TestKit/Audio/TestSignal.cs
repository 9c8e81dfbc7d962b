namespace Captions.TestKit.Audio;

/// <summary>Deterministic test signals as float arrays (interleaved when multichannel).</summary>
public static class TestSignal
{
    /// <summary>A sine of <paramref name="frequency"/> Hz; every channel c gets phase + c * pi/2 so channels differ.</summary>
    public static float[] Sine(double frequency, int sampleRate, int frames, double amplitude = 0.5, int channels = 1, double phase = 0)
    {
        var samples = new float[frames * channels];
        for (int i = 0; i < frames; i++)
        {
            for (int c = 0; c < channels; c++)
            {
                samples[(i * channels) + c] = (float)(amplitude * Math.Sin((2 * Math.PI * frequency * i / sampleRate) + phase + (c * Math.PI / 2)));
            }
        }

        return samples;
    }

    /// <summary>Uniform white noise in [-amplitude, amplitude], reproducible from <paramref name="seed"/>.</summary>
    public static float[] Noise(int count, int seed = 1, double amplitude = 0.5)
    {
        var random = new Random(seed);
        var samples = new float[count];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(amplitude * ((2 * random.NextDouble()) - 1));
        }

        return samples;
    }

    /// <summary>Interleaves equal-length channels into one frame-ordered array.</summary>
    public static float[] Interleave(params float[][] channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        int frames = channels[0].Length;
        var samples = new float[frames * channels.Length];
        for (int i = 0; i < frames; i++)
        {
            for (int c = 0; c < channels.Length; c++)
            {
                samples[(i * channels.Length) + c] = channels[c][i];
            }
        }

        return samples;
    }
}
