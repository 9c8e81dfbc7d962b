namespace Captions.Bench.Peers;

/// <summary>
/// How a peer is run: the per-item time budget and the clock it is measured on. A peer process that outlives its
/// budget is killed (with its whole process tree) and the item fails, so one hung decode cannot stall a bench run.
/// </summary>
public sealed record PeerOptions
{
    /// <summary>
    /// Fixed part of the per-item budget: process start and model load. 60 s covers whisper-cli loading base (~150 MB)
    /// on 2 shared cores with room to spare; pocketsphinx_continuous loads its en-us models in ~1 s.
    /// </summary>
    public TimeSpan TimeoutBase { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Budget per second of audio. 10 s per audio second (RTF 10) is far past either peer's measured cost here
    /// (pocketsphinx_continuous ~0.3-1, whisper-cli base on 2 cores ~1-2) so only a hung or runaway decode hits it.
    /// </summary>
    public TimeSpan TimeoutPerAudioSecond { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Clock the timeouts run on; tests may inject one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The budget for an item of <paramref name="audioSeconds"/>.</summary>
    public TimeSpan TimeoutFor(double audioSeconds) => TimeoutBase + (TimeoutPerAudioSecond * Math.Max(0, audioSeconds));
}
