using System.Runtime.CompilerServices;
using Captions.Engine.Pipeline;
using Captions.Engine.Timing;

namespace Captions.Engine.Audio;

/// <summary>
/// Cuts a stream of 16 kHz mono samples into pooled <see cref="AudioFrame"/>s of <see cref="AudioFormat.FrameSamples"/>
/// and writes them to an edge, stamping each <c>Captured</c> as it is handed over. With real-time pacing a frame is
/// held until the clock reaches its end (stream time since the first frame), which is when a live microphone would
/// have delivered it.
/// Threading model: used by one source task. Allocation-free per frame once the pool is warm.
/// </summary>
internal sealed class FrameAssembler : IDisposable
{
    private readonly PipelineEdge<AudioFrame> _output;
    private readonly PipelineClock _clock;
    private readonly AudioPacing _pacing;
    private PeriodicTimer? _timer;
    private long _pacingStart;
    private float[]? _current;
    private int _filled;
    private long _nextOffset;

    public FrameAssembler(PipelineEdge<AudioFrame> output, PipelineClock clock, AudioPacing pacing)
    {
        _output = output;
        _clock = clock;
        _pacing = pacing;
    }

    /// <summary>With real-time pacing, the clock timestamp at which audio time zero was due (0 before the first frame).</summary>
    public long PacingStart => _pacingStart;

    /// <summary>Samples handed over so far (16 kHz).</summary>
    public long SamplesWritten => _nextOffset;

    // Pooled: this await suspends whenever the next edge is full, once per frame under backpressure.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask AppendAsync(float[] samples, int count, CancellationToken cancellationToken)
    {
        var index = 0;
        while (index < count)
        {
            _current ??= AudioFrame.RentBuffer();
            var take = Math.Min(count - index, AudioFormat.FrameSamples - _filled);
            Array.Copy(samples, index, _current, _filled, take);
            _filled += take;
            index += take;
            if (_filled == AudioFormat.FrameSamples)
            {
                await EmitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Emits the last, shorter frame at the end of the stream.</summary>
    // Pooled: this await suspends whenever the next edge is full, once per frame under backpressure.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_filled > 0)
        {
            await EmitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_current is not null)
        {
            AudioFramePool.Shared.Return(_current);
            _current = null;
        }

        _timer?.Dispose();
    }

    // Pooled: this await suspends whenever the next edge is full, once per frame under backpressure.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask EmitAsync(CancellationToken cancellationToken)
    {
        var buffer = _current!;
        var length = _filled;
        _current = null;
        _filled = 0;
        if (_pacing == AudioPacing.RealTime)
        {
            try
            {
                await WaitUntilDueAsync(_nextOffset + length, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                AudioFramePool.Shared.Return(buffer);
                throw;
            }
        }

        if (_clock.TimeProvider is AudioTimeProvider driven)
        {
            // The benchmark's driven clock: the frame is "heard" exactly when the audio reaches its end.
            driven.AdvanceTo(AudioFormat.SamplesToTime(_nextOffset + length));
        }

        var frame = new AudioFrame(buffer, length, _nextOffset, new LatencyStamps(_clock.Now(), 0, 0, 0, 0));
        _nextOffset += length;
        try
        {
            await _output.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            frame.Release();
            throw;
        }
    }

    // Pooled: this await suspends whenever the next edge is full, once per frame under backpressure.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WaitUntilDueAsync(long endSample, CancellationToken cancellationToken)
    {
        if (_timer is null)
        {
            // The first frame sets the origin of the schedule; later frames are due at origin + their end time.
            _pacingStart = _clock.Now();
            _timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5), _clock.TimeProvider);
        }

        var due = AudioFormat.SamplesToTime(endSample);
        while (_clock.TimeProvider.GetElapsedTime(_pacingStart) < due)
        {
            await _timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
