namespace Captions.Bench.Corpus;

/// <summary>
/// Seeded noise for noisy corpus items, generated here rather than by sox so a cache key fully determines the
/// samples (the same seed gives the same noise on every machine and every sox build).
/// </summary>
internal static class NoiseGenerator
{
    /// <summary>Noise of <paramref name="color"/>, <paramref name="length"/> samples, RMS exactly <paramref name="rms"/>.</summary>
    public static float[] Generate(NoiseColor color, int length, double rms, int seed)
    {
        // System.Random with a seed keeps its legacy algorithm across .NET versions: deterministic by contract.
        var random = new Random(seed);
        var noise = new double[length];
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, brown = 0;
        for (int i = 0; i < length; i++)
        {
            double white = Gaussian(random);
            switch (color)
            {
                case NoiseColor.Pink:
                    // Paul Kellet's refined pink filter: within 0.05 dB of -3 dB/octave above 9 Hz at 44.1 kHz.
                    b0 = (0.99886 * b0) + (white * 0.0555179);
                    b1 = (0.99332 * b1) + (white * 0.0750759);
                    b2 = (0.96900 * b2) + (white * 0.1538520);
                    b3 = (0.86650 * b3) + (white * 0.3104856);
                    b4 = (0.55000 * b4) + (white * 0.5329522);
                    b5 = (-0.7616 * b5) - (white * 0.0168980);
                    noise[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + (white * 0.5362);
                    b6 = white * 0.115926;
                    break;
                case NoiseColor.Brown:
                    // Leaky integrator: -6 dB/octave above ~5 Hz, and no drift toward clipping over an hour.
                    brown = (brown + (0.02 * white)) / 1.002;
                    noise[i] = brown;
                    break;
                default:
                    noise[i] = white;
                    break;
            }
        }

        double sum = 0;
        foreach (double v in noise)
        {
            sum += v * v;
        }

        double scale = length == 0 || sum == 0 ? 0 : rms / Math.Sqrt(sum / length);
        var result = new float[length];
        for (int i = 0; i < length; i++)
        {
            result[i] = (float)(noise[i] * scale);
        }

        return result;
    }

    private static double Gaussian(Random random)
    {
        // Box-Muller; 1 - NextDouble() is in (0, 1], so the log is finite.
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
