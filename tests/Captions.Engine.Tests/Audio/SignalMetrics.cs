namespace Captions.Engine.Tests.Audio;

/// <summary>Measurements for resampler tests, in double precision so the measurement adds no error of its own.</summary>
internal static class SignalMetrics
{
    /// <summary>
    /// Amplitude of the <paramref name="frequency"/> component (Goertzel / single-bin DFT). Exact for a sine when the
    /// window holds a whole number of cycles.
    /// </summary>
    public static double Amplitude(ReadOnlySpan<float> x, double frequency, int sampleRate)
    {
        double re = 0;
        double im = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double angle = 2 * Math.PI * frequency * i / sampleRate;
            re += x[i] * Math.Cos(angle);
            im += x[i] * Math.Sin(angle);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / x.Length;
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += (double)v * v;
        }

        return Math.Sqrt(sum / x.Length);
    }

    /// <summary>Sign changes; a sine of f Hz over one second has 2f.</summary>
    public static int ZeroCrossings(ReadOnlySpan<float> x)
    {
        int crossings = 0;
        for (int i = 1; i < x.Length; i++)
        {
            if ((x[i - 1] < 0) != (x[i] < 0))
            {
                crossings++;
            }
        }

        return crossings;
    }

    public static double Decibels(double ratio) => 20 * Math.Log10(ratio);

    /// <summary>Runs a whole signal through a fresh resampler: one Process call, then Flush.</summary>
    public static float[] ResampleAll(ReadOnlySpan<float> input, int inputRate, int outputRate)
    {
        var resampler = new Captions.Engine.Audio.Resampler(inputRate, outputRate);
        var output = new float[resampler.GetMaxOutputLength(input.Length) + resampler.MaxFlushLength];
        int n = resampler.Process(input, output);
        n += resampler.Flush(output.AsSpan(n));
        return output[..n];
    }
}
