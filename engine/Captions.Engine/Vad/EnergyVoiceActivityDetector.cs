using System.Numerics;
using System.Runtime.InteropServices;

namespace Captions.Engine.Vad;

/// <summary>
/// A speech detector from frame energy alone: RMS level in dBFS against an adaptive noise floor (minimum
/// statistics), mapped to a probability by a logistic around <see cref="EnergyVadOptions.ThresholdDb"/> of SNR.
/// It cannot tell speech from other loud sounds; that is what a model-based VAD (Silero) adds.
/// Threading model: not thread-safe; one VAD stage owns an instance. Allocates nothing per frame.
/// </summary>
public sealed class EnergyVoiceActivityDetector : IVoiceActivityDetector
{
    // The window is tracked as 8 sub-window minima (Martin 2001): memory and work stay O(1) per frame.
    private const int SubWindows = 8;

    private readonly EnergyVadOptions _options;
    private readonly int _subWindowFrames;
    private readonly float[] _subWindowMinima = new float[SubWindows];
    private int _filledSubWindows;
    private int _nextSubWindow;
    private float _currentMinimum;
    private int _currentFrames;

    public EnergyVoiceActivityDetector(EnergyVadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FrameDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FrameDuration, "FrameDuration must be positive.");
        }

        if (!(options.SlopeDb > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SlopeDb, "SlopeDb must be positive.");
        }

        if (options.NoiseWindow < options.FrameDuration * SubWindows)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.NoiseWindow, $"NoiseWindow must span at least {SubWindows} frames.");
        }

        _options = options;
        _subWindowFrames = (int)(options.NoiseWindow.Ticks / options.FrameDuration.Ticks / SubWindows);
        Reset();
    }

    public EnergyVoiceActivityDetector()
        : this(new EnergyVadOptions())
    {
    }

    public string Name => "energy";

    /// <summary>Level of the last frame in dBFS (a full-scale sine is -3 dBFS).</summary>
    public float LastLevelDb { get; private set; }

    /// <summary>Current noise floor estimate in dBFS.</summary>
    public float NoiseFloorDb { get; private set; }

    public float Process(ReadOnlySpan<float> frame)
    {
        if (frame.IsEmpty)
        {
            return 0f;
        }

        float level = LevelDb(frame);
        LastLevelDb = level;

        // Clamped, so stretches of digital silence leave a sane floor for the noise that follows.
        TrackNoiseFloor(MathF.Max(level, _options.AbsoluteFloorDb));
        if (level < _options.AbsoluteFloorDb)
        {
            return 0f;
        }

        float snr = level - NoiseFloorDb;
        return 1f / (1f + MathF.Exp(-(snr - _options.ThresholdDb) / _options.SlopeDb));
    }

    public void Reset()
    {
        Array.Clear(_subWindowMinima);
        _filledSubWindows = 0;
        _nextSubWindow = 0;
        _currentMinimum = float.PositiveInfinity;
        _currentFrames = 0;
        NoiseFloorDb = _options.AbsoluteFloorDb;
        LastLevelDb = float.NegativeInfinity;
    }

    /// <summary>RMS level in dBFS with the DC offset removed (a DC-biased silent input is still silent).</summary>
    internal static float LevelDb(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        double sumOfSquares = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && frame.Length >= Vector<float>.Count)
        {
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(frame);
            var vectorSum = Vector<float>.Zero;
            var vectorSquares = Vector<float>.Zero;
            foreach (var v in vectors)
            {
                vectorSum += v;
                vectorSquares += v * v;
            }

            sum = Vector.Sum(vectorSum);
            sumOfSquares = Vector.Sum(vectorSquares);
            i = vectors.Length * Vector<float>.Count;
        }

        for (; i < frame.Length; i++)
        {
            sum += frame[i];
            sumOfSquares += frame[i] * frame[i];
        }

        double mean = sum / frame.Length;
        double power = Math.Max((sumOfSquares / frame.Length) - (mean * mean), 0);

        // 1e-12 power = -120 dBFS: far below the absolute floor, and keeps log10 finite for zeros.
        return (float)(10 * Math.Log10(power + 1e-12));
    }

    private void TrackNoiseFloor(float level)
    {
        _currentMinimum = MathF.Min(_currentMinimum, level);
        if (++_currentFrames == _subWindowFrames)
        {
            _subWindowMinima[_nextSubWindow] = _currentMinimum;
            _nextSubWindow = (_nextSubWindow + 1) % SubWindows;
            _filledSubWindows = Math.Min(_filledSubWindows + 1, SubWindows);
            _currentMinimum = float.PositiveInfinity;
            _currentFrames = 0;
        }

        float floor = _currentMinimum;
        for (int s = 0; s < _filledSubWindows; s++)
        {
            floor = MathF.Min(floor, _subWindowMinima[s]);
        }

        // Right after a sub-window closes, the open one is empty (+inf) and the ring holds the history.
        NoiseFloorDb = float.IsPositiveInfinity(floor) ? level : floor;
    }
}
