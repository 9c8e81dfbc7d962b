namespace Captions.Bench.Peers;

/// <summary>
/// A peer system (pocketsphinx_continuous, whisper-cli) run on the same audio as ours in the same bench run.
/// <paramref name="ComparedWith"/> names the configuration of ours its ratios are taken against.
/// </summary>
public sealed record PeerRun(string Name, string Command, string ComparedWith, IReadOnlyList<PeerItem> Items)
{
    /// <summary>Why the peer did not run at all (binary missing, model missing), else null.</summary>
    public string? Error { get; init; }
}
