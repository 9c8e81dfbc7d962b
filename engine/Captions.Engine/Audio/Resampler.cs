using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Captions.Engine.Audio;

/// <summary>
/// Streaming sample-rate converter for any rational ratio (8/11.025/22.05/44.1/48/96 kHz to 16 kHz, and up), by a
/// polyphase Kaiser-windowed sinc filter (see <see cref="PolyphaseFilter"/> for the numbers).
/// </summary>
/// <remarks>
/// Timing: output sample k is the signal at input time k / OutputRate exactly, with no constant delay, so stream
/// positions computed from sample counts stay right. The cost is look-ahead: an output is produced only once the
/// input H samples past it has arrived; <see cref="Flush"/> emits the rest at end of stream, padding with silence.
/// Over a whole stream of T input samples the output is exactly ceil(T * OutputRate / InputRate) samples.
/// Threading model: not thread-safe; one instance per stream. Process and Flush allocate nothing.
/// </remarks>
public sealed class Resampler
{
    /// <summary>Input copied into the history per step: 4096 samples keeps the shift-down copy under 2% of the work.</summary>
    private const int BlockSamples = 4096;

    private readonly int _up;
    private readonly int _down;
    private readonly PolyphaseFilter? _filter;
    private readonly float[] _history;
    private readonly int _halfTaps;

    private long _historyStart;
    private int _historyCount;
    private long _n;
    private int _phase;
    private long _inputTotal;
    private bool _flushing;

    public Resampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1);
        InputRate = inputRate;
        OutputRate = outputRate;
        int gcd = (int)BigInteger.GreatestCommonDivisor(inputRate, outputRate);
        _up = outputRate / gcd;
        _down = inputRate / gcd;
        if (inputRate == outputRate)
        {
            _history = [];
            return;
        }

        _filter = new PolyphaseFilter(inputRate, outputRate, _up);
        _halfTaps = _filter.HalfTaps;
        _history = new float[(2 * _halfTaps) + Math.Max(BlockSamples, 2 * _halfTaps)];
        Reset();
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Input samples the filter looks ahead of each output (0 when the rates are equal).</summary>
    public int LookaheadSamples => _halfTaps;

    /// <summary>
    /// An output span this long always suffices for <see cref="Process"/> with <paramref name="inputLength"/> samples:
    /// ceil(inputLength * OutputRate / InputRate).
    /// </summary>
    public int GetMaxOutputLength(int inputLength) => checked((int)((((long)inputLength * _up) + _down - 1) / _down));

    /// <summary>An output span this long always holds everything <see cref="Flush"/> has to emit.</summary>
    public int MaxFlushLength => GetMaxOutputLength(_halfTaps) + 1;

    /// <summary>
    /// Consumes all of <paramref name="input"/> and writes the outputs whose look-ahead is now available.
    /// </summary>
    /// <returns>Samples written to <paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than this call needs (size it with
    /// <see cref="GetMaxOutputLength"/>); nothing is consumed.</exception>
    /// <exception cref="InvalidOperationException">Called after <see cref="Flush"/> without <see cref="Reset"/>.</exception>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (_flushing)
        {
            throw new InvalidOperationException("The resampler was flushed; call Reset() before processing a new stream.");
        }

        long needed = _filter is null ? input.Length : CountOutputsBefore(_inputTotal + input.Length - _halfTaps);
        if (output.Length < needed)
        {
            throw new ArgumentException($"Output holds {output.Length} samples but {input.Length} input samples produce {needed}; size it with GetMaxOutputLength.", nameof(output));
        }

        if (_filter is null)
        {
            input.CopyTo(output);
            return input.Length;
        }

        int written = 0;
        while (!input.IsEmpty)
        {
            Compact();
            int take = Math.Min(input.Length, _history.Length - _historyCount);
            input[..take].CopyTo(_history.AsSpan(_historyCount));
            _historyCount += take;
            _inputTotal += take;
            input = input[take..];
            written += Produce(output[written..], _historyStart + _historyCount - _halfTaps);
        }

        return written;
    }

    /// <summary>
    /// Ends the stream: emits the outputs still waiting for look-ahead, treating input past the end as silence.
    /// May be called repeatedly with small spans until it returns 0; <see cref="MaxFlushLength"/> takes it all at once.
    /// </summary>
    public int Flush(Span<float> output)
    {
        if (_filter is null)
        {
            _flushing = true;
            return 0;
        }

        if (!_flushing)
        {
            _flushing = true;
            Compact();
            _history.AsSpan(_historyCount, _halfTaps).Clear();
            _historyCount += _halfTaps;
        }

        return Produce(output, _inputTotal);
    }

    /// <summary>Forgets all input: the next sample processed is time zero of a new stream.</summary>
    public void Reset()
    {
        _flushing = false;
        _n = 0;
        _phase = 0;
        _inputTotal = 0;
        if (_filter is null)
        {
            return;
        }

        // The H - 1 samples before time zero are silence.
        _historyStart = -(_halfTaps - 1);
        _historyCount = _halfTaps - 1;
        _history.AsSpan(0, _historyCount).Clear();
    }

    /// <summary>How many outputs, from the next one on, sit at input positions n below <paramref name="limit"/>.</summary>
    private long CountOutputsBefore(long limit)
    {
        // Output j ahead has position (n*L + phase + j*M) / L; it is below limit while j < ((limit - n)*L - phase) / M.
        long span = ((limit - _n) * _up) - _phase;
        return span <= 0 ? 0 : (span + _down - 1) / _down;
    }

    private int Produce(Span<float> output, long limit)
    {
        int count = (int)Math.Min(output.Length, CountOutputsBefore(limit));
        PolyphaseFilter filter = _filter!;
        int taps = filter.Taps;
        for (int k = 0; k < count; k++)
        {
            int start = (int)(_n - _halfTaps + 1 - _historyStart);
            Debug.Assert(start >= 0 && start + taps <= _historyCount, "window must lie inside the history");
            ReadOnlySpan<float> window = _history.AsSpan(start, taps);
            if (filter.Interpolated)
            {
                double position = _phase * (double)filter.Phases / _up;
                int row = (int)position;
                float low = Dot(window, filter.Row(row));
                float high = Dot(window, filter.Row(row + 1));
                output[k] = low + ((float)(position - row) * (high - low));
            }
            else
            {
                output[k] = Dot(window, filter.Row(_phase));
            }

            _phase += _down;
            _n += _phase / _up;
            _phase %= _up;
        }

        return count;
    }

    /// <summary>Drops history no future output can reach (everything before n - H + 1).</summary>
    private void Compact()
    {
        int drop = (int)(_n - _halfTaps + 1 - _historyStart);
        if (drop <= 0)
        {
            return;
        }

        _history.AsSpan(drop, _historyCount - drop).CopyTo(_history);
        _historyStart += drop;
        _historyCount -= drop;
    }

    private static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var acc = Vector<float>.Zero;
        ReadOnlySpan<Vector<float>> xv = MemoryMarshal.Cast<float, Vector<float>>(x);
        ReadOnlySpan<Vector<float>> yv = MemoryMarshal.Cast<float, Vector<float>>(y);
        for (int i = 0; i < xv.Length; i++)
        {
            acc += xv[i] * yv[i];
        }

        float sum = Vector.Sum(acc);
        for (int i = xv.Length * Vector<float>.Count; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }
}
