namespace Captions.Engine.Audio;

/// <summary>
/// The Kaiser-windowed sinc low-pass behind <see cref="Resampler"/>, stored as a table of phases. Row r holds the
/// 2H taps for an output that falls r/Phases of the way between two input samples.
/// </summary>
/// <remarks>
/// Design, with Nyq = half the lower of the two rates: passband to 0.875 Nyq (7 kHz for 16 kHz output), stopband from
/// Nyq (8 kHz), 80 dB stopband attenuation. That keeps anything above the output Nyquist 80 dB down (the spec asks 60:
/// the margin covers float32 rounding and phase interpolation) and ripples the passband by ~1e-4 (0.001 dB).
/// Kaiser's estimate gives N = (A - 7.95) / (2.285 dw) taps: 222 for 44.1 kHz to 16 kHz, 242 for 48 kHz, 84 for 8 kHz.
/// </remarks>
internal sealed class PolyphaseFilter
{
    public const double StopbandAttenuationDb = 80;
    public const double PassbandFraction = 0.875;

    /// <summary>
    /// Up to 1024 phases are tabulated exactly (44.1k to 16k needs 160, 11.025k needs 640). Beyond that (44.1k to
    /// 15.999k has 5333) 512 phases are stored and neighbours blended linearly; the blend error is ~(pi/512)^2/8 of the
    /// kernel, about -110 dB.
    /// </summary>
    public const int MaxExactPhases = 1024;

    public const int InterpolatedPhases = 512;

    private readonly float[] _coefficients;

    public PolyphaseFilter(int inputRate, int outputRate, int upFactor)
    {
        double lowerNyquist = Math.Min(inputRate, outputRate) / 2.0;
        double transitionHz = (1 - PassbandFraction) * lowerNyquist;
        double cutoff = (lowerNyquist - (transitionHz / 2)) / inputRate; // cycles per input sample
        double transitionRadians = 2 * Math.PI * transitionHz / inputRate;
        double taps = (StopbandAttenuationDb - 7.95) / (2.285 * transitionRadians);
        HalfTaps = (int)Math.Ceiling(taps / 2) + 1;
        Interpolated = upFactor > MaxExactPhases;
        Phases = Interpolated ? InterpolatedPhases : upFactor;

        // Interpolated tables carry one extra row (fraction 1.0) so row r+1 always exists for the blend.
        int rows = Interpolated ? Phases + 1 : Phases;
        _coefficients = new float[rows * Taps];
        double beta = 0.1102 * (StopbandAttenuationDb - 8.7);
        double i0Beta = BesselI0(beta);
        var row = new double[Taps];
        for (int r = 0; r < rows; r++)
        {
            double fraction = r / (double)Phases;
            double sum = 0;
            for (int m = 0; m < Taps; m++)
            {
                // Tap m multiplies input sample n - H + 1 + m, which lies tau input samples before the output time.
                double tau = HalfTaps - 1 - m + fraction;
                double x = tau / HalfTaps;
                double window = Math.Abs(x) >= 1 ? 0 : BesselI0(beta * Math.Sqrt(1 - (x * x))) / i0Beta;
                row[m] = 2 * cutoff * Sinc(2 * cutoff * tau) * window;
                sum += row[m];
            }

            // Unit DC gain on every phase, so no phase-dependent gain wobble (which would add spurs).
            for (int m = 0; m < Taps; m++)
            {
                _coefficients[(r * Taps) + m] = (float)(row[m] / sum);
            }
        }
    }

    /// <summary>H: the filter reaches H input samples ahead of the output time (the look-ahead) and H - 1 behind.</summary>
    public int HalfTaps { get; }

    public int Taps => 2 * HalfTaps;

    /// <summary>Phases per input sample in the table.</summary>
    public int Phases { get; }

    /// <summary>True when the table is coarser than the resampling ratio and rows are blended.</summary>
    public bool Interpolated { get; }

    public ReadOnlySpan<float> Row(int row) => _coefficients.AsSpan(row * Taps, Taps);

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series (converges fast for beta ~8).</summary>
    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; k < 200 && term > 1e-16 * sum; k++)
        {
            term *= halfX / k * (halfX / k);
            sum += term;
        }

        return sum;
    }
}
