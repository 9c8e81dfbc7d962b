using Captions.Engine.Pipeline;

namespace Captions.Engine.Audio;

/// <summary>
/// Produces 16 kHz mono <see cref="AudioFrame"/>s of <see cref="AudioFormat.FrameSamples"/> samples (the last frame
/// of a stream may be shorter), each stamped <c>Captured</c> when its last sample became available.
/// </summary>
public interface IAudioSource : IAsyncDisposable
{
    /// <summary>What the source reads, for messages ("jfk.wav", "stdin", "microphone pulse:default").</summary>
    string Description { get; }

    /// <summary>True for live devices: their edge drops (and counts) frames rather than stall the device.</summary>
    bool IsLive { get; }

    /// <summary>Writes frames until the input ends or <paramref name="cancellationToken"/> stops it.</summary>
    Task RunAsync(PipelineEdge<AudioFrame> output, CancellationToken cancellationToken);
}
