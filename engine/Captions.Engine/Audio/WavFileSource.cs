using Captions.Engine.Pipeline;
using Captions.Engine.Timing;

namespace Captions.Engine.Audio;

/// <summary>
/// Plays a WAV file of any supported encoding, rate and channel count into the pipeline as 16 kHz mono frames.
/// The header is read and checked when the source is created, so a bad file fails before any output is written.
/// </summary>
public sealed class WavFileSource : IAudioSource
{
    /// <summary>100 ms of input per read: small enough to keep latency low, large enough to amortise the calls.</summary>
    private const int ReadMilliseconds = 100;

    private readonly WavReader _reader;
    private readonly PipelineClock _clock;
    private readonly AudioPacing _pacing;

    public WavFileSource(string path, AudioPacing pacing, PipelineClock clock)
        : this(WavReader.Open(path), pacing, clock)
    {
    }

    /// <summary>Plays an already opened reader (a file, or a WAV arriving on a pipe); the source disposes it.</summary>
    public WavFileSource(WavReader reader, AudioPacing pacing, PipelineClock clock)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(clock);
        _reader = reader;
        _clock = clock;
        _pacing = pacing;
        Description = reader.DisplayName;
    }

    public string Description { get; }

    public bool IsLive => false;

    public WavInfo Info => _reader.Info;

    /// <summary>
    /// With <see cref="AudioPacing.RealTime"/>, the clock timestamp at which audio time zero was due: a stamp minus this
    /// is the stamp's position on the audio timeline (what a listener experiences). 0 until the first frame.
    /// </summary>
    public long PacingStart { get; private set; }

    public async Task RunAsync(PipelineEdge<AudioFrame> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var info = _reader.Info;
        var converter = new AudioConverter(info.SampleRate, info.Channels);
        var frames = Math.Max(1, info.SampleRate * ReadMilliseconds / 1000);
        var interleaved = new float[frames * info.Channels];
        var mono = new float[Math.Max(converter.GetMaxOutputLength(interleaved.Length), converter.MaxFlushLength)];
        using var assembler = new FrameAssembler(output, _clock, _pacing);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = _reader.Read(interleaved);
                if (read == 0)
                {
                    break;
                }

                var produced = converter.Convert(interleaved.AsSpan(0, read * info.Channels), mono);
                await assembler.AppendAsync(mono, produced, cancellationToken).ConfigureAwait(false);
            }

            var tail = converter.Flush(mono);
            await assembler.AppendAsync(mono, tail, cancellationToken).ConfigureAwait(false);
            await assembler.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            PacingStart = assembler.PacingStart;
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return ValueTask.CompletedTask;
    }
}
