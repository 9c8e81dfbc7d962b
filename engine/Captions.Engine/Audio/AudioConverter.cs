namespace Captions.Engine.Audio;

/// <summary>
/// Turns interleaved float audio of any rate and channel count into the pipeline's 16 kHz mono
/// (<see cref="AudioFormat.SampleRate"/>): averages the channels, then resamples.
/// </summary>
/// <remarks>
/// Input may split a frame across calls (a pipe delivers whatever bytes it has); the partial frame is carried.
/// Timing: mono16k sample k is input time k / 16000 (see <see cref="Resampler"/>), so counting output samples gives
/// stream time. Threading model: not thread-safe; one instance per stream. Convert and Flush allocate nothing.
/// </remarks>
public sealed class AudioConverter
{
    /// <summary>Frames downmixed per step: 4096 (85 ms at 48 kHz) bounds the scratch buffer at 16 KiB.</summary>
    private const int BlockFrames = 4096;

    private readonly Resampler _resampler;
    private readonly float[] _mono;
    private readonly float[] _partialFrame;
    private int _partialCount;

    public AudioConverter(int inputRate, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 256);
        Channels = channels;
        _resampler = new Resampler(inputRate, AudioFormat.SampleRate);
        _mono = channels == 1 ? [] : new float[BlockFrames];
        _partialFrame = new float[channels];
    }

    public int InputRate => _resampler.InputRate;

    public int Channels { get; }

    /// <summary>An output span this long always suffices for <see cref="Convert"/> with this many interleaved samples.</summary>
    public int GetMaxOutputLength(int interleavedLength) => _resampler.GetMaxOutputLength((interleavedLength / Channels) + 1);

    /// <summary>An output span this long always holds what <see cref="Flush"/> emits.</summary>
    public int MaxFlushLength => _resampler.MaxFlushLength;

    /// <summary>Consumes all of <paramref name="interleaved"/>; returns the 16 kHz mono samples written.</summary>
    /// <exception cref="ArgumentException"><paramref name="mono16k"/> is shorter than <see cref="GetMaxOutputLength"/> requires.</exception>
    public int Convert(ReadOnlySpan<float> interleaved, Span<float> mono16k)
    {
        if (Channels == 1)
        {
            return _resampler.Process(interleaved, mono16k);
        }

        int written = 0;
        if (_partialCount > 0)
        {
            int fill = Math.Min(Channels - _partialCount, interleaved.Length);
            interleaved[..fill].CopyTo(_partialFrame.AsSpan(_partialCount));
            _partialCount += fill;
            interleaved = interleaved[fill..];
            if (_partialCount < Channels)
            {
                return 0;
            }

            _mono[0] = Average(_partialFrame);
            _partialCount = 0;
            written += _resampler.Process(_mono.AsSpan(0, 1), mono16k);
        }

        while (interleaved.Length >= Channels)
        {
            int frames = Math.Min(interleaved.Length / Channels, BlockFrames);
            for (int f = 0; f < frames; f++)
            {
                _mono[f] = Average(interleaved.Slice(f * Channels, Channels));
            }

            written += _resampler.Process(_mono.AsSpan(0, frames), mono16k[written..]);
            interleaved = interleaved[(frames * Channels)..];
        }

        interleaved.CopyTo(_partialFrame);
        _partialCount = interleaved.Length;
        return written;
    }

    /// <summary>Ends the stream and emits the resampler's tail; a dangling partial frame is dropped.</summary>
    public int Flush(Span<float> mono16k)
    {
        _partialCount = 0;
        return _resampler.Flush(mono16k);
    }

    public void Reset()
    {
        _partialCount = 0;
        _resampler.Reset();
    }

    private static float Average(ReadOnlySpan<float> frame)
    {
        float sum = 0;
        foreach (float sample in frame)
        {
            sum += sample;
        }

        return sum / frame.Length;
    }
}
