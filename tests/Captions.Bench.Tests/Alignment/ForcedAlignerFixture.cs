using Captions.Bench.Alignment;
using Captions.Engine.Metrics.Latency;

namespace Captions.Bench.Tests.Alignment;

/// <summary>One aligner (0.3 s to load) for a test class; xunit runs a class's tests one at a time, as the aligner needs.</summary>
public sealed class ForcedAlignerFixture : IDisposable
{
    /// <summary>A clip aligns in 0.1-0.5 s; a minute means the native search is stuck.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public ForcedAligner Aligner { get; } = new();

    /// <summary>Aligns off the test thread under <see cref="Timeout"/>, so a hang fails the test instead of the run.</summary>
    public Task<IReadOnlyList<ReferenceWord>> AlignAsync(float[] audio, string transcript) =>
        Task.Run(() => Aligner.Align(audio, transcript)).WaitAsync(Timeout);

    public void Dispose() => Aligner.Dispose();
}
