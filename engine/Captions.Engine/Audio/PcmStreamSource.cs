using Captions.Engine.Pipeline;
using Captions.Engine.Timing;

namespace Captions.Engine.Audio;

/// <summary>
/// Raw signed 16-bit little-endian PCM from a stream (stdin, or an ffmpeg capture pipe), any rate and channel count,
/// converted to 16 kHz mono frames. The stream paces itself; this source never waits on the clock.
/// </summary>
public sealed class PcmStreamSource : IAudioSource
{
    /// <summary>4 KiB reads: 128 ms of 16 kHz mono, and a pipe's natural chunk.</summary>
    private const int ReadBytes = 4096;

    private readonly Stream _stream;
    private readonly int _sampleRate;
    private readonly int _channels;
    private readonly PipelineClock _clock;
    private readonly bool _ownsStream;

    public PcmStreamSource(Stream stream, string description, int sampleRate, int channels, PipelineClock clock, bool isLive, bool ownsStream = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        _stream = stream;
        _sampleRate = sampleRate;
        _channels = channels;
        _clock = clock;
        _ownsStream = ownsStream;
        Description = description;
        IsLive = isLive;
    }

    public string Description { get; }

    public bool IsLive { get; }

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    public async Task RunAsync(PipelineEdge<AudioFrame> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var decoder = new Pcm16Decoder();
        var converter = new AudioConverter(_sampleRate, _channels);
        var bytes = new byte[ReadBytes];
        var interleaved = new float[Pcm16Decoder.GetMaxOutputLength(ReadBytes) + _channels];
        var mono = new float[Math.Max(converter.GetMaxOutputLength(interleaved.Length), converter.MaxFlushLength)];
        var pending = 0;
        using var assembler = new FrameAssembler(output, _clock, AudioPacing.Fast);
        while (true)
        {
            var read = await _stream.ReadAsync(bytes.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            BytesRead += read;
            var decoded = decoder.Decode(bytes.AsSpan(0, read), interleaved.AsSpan(pending));
            var samples = pending + decoded;

            // Convert whole sample frames only; a frame split across reads waits for the rest.
            var whole = samples - (samples % _channels);
            var produced = converter.Convert(interleaved.AsSpan(0, whole), mono);
            pending = samples - whole;
            if (pending > 0)
            {
                interleaved.AsSpan(whole, pending).CopyTo(interleaved);
            }

            await assembler.AppendAsync(mono, produced, cancellationToken).ConfigureAwait(false);
        }

        var tail = converter.Flush(mono);
        await assembler.AppendAsync(mono, tail, cancellationToken).ConfigureAwait(false);
        await assembler.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsStream)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
