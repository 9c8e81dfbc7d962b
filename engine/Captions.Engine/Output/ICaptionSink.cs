using Captions.Engine.Captioning;

namespace Captions.Engine.Output;

/// <summary>
/// Receives every version of every caption line, in order. Writers to files keep the file valid after every call
/// (flush per cue), so an interrupted run leaves usable output.
/// Threading model: called from one task; not thread-safe.
/// </summary>
public interface ICaptionSink : IAsyncDisposable
{
    ValueTask WriteAsync(CaptionLine line, CancellationToken cancellationToken);

    /// <summary>The stream ended normally or was cancelled: write trailers and flush.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
