using System.ComponentModel;
using Captions.Bench.Corpus;
using Captions.Engine.Metrics;

namespace Captions.Bench.Peers;

/// <summary>
/// The item loop both peers share: prepare each item's 16 kHz WAV, run the peer on it under its budget, turn stdout
/// into a transcript, score it. A failing item gets <see cref="PeerItem.Error"/> and the rest still run.
/// </summary>
internal static class PeerDriver
{
    /// <param name="executable">The peer binary (checked to exist by the caller).</param>
    /// <param name="arguments">The peer's arguments for one item and its 16 kHz WAV.</param>
    /// <param name="skip">Why an item cannot go through this peer at all (e.g. its language), else null.</param>
    /// <param name="transcript">The hypothesis from the peer's stdout lines.</param>
    public static async Task<IReadOnlyList<PeerItem>> RunAsync(
        IReadOnlyList<CorpusItem> items,
        string executable,
        Func<CorpusItem, string, IReadOnlyList<string>> arguments,
        Func<CorpusItem, string?> skip,
        Func<IReadOnlyList<string>, string> transcript,
        PeerOptions options,
        CancellationToken ct)
    {
        var results = new List<PeerItem>(items.Count);
        foreach (CorpusItem item in items)
        {
            ct.ThrowIfCancellationRequested();
            results.Add(await RunItemAsync(item, executable, arguments, skip, transcript, options, ct).ConfigureAwait(false));
        }

        return results;
    }

    private static async Task<PeerItem> RunItemAsync(
        CorpusItem item,
        string executable,
        Func<CorpusItem, string, IReadOnlyList<string>> arguments,
        Func<CorpusItem, string?> skip,
        Func<IReadOnlyList<string>, string> transcript,
        PeerOptions options,
        CancellationToken ct)
    {
        if (skip(item) is string reason)
        {
            return Failed(item, item.DurationSeconds, $"{item.Id} ({item.AudioPath}): {reason}");
        }

        (PeerAudio? audio, string? audioError) = await PeerAudio.PrepareAsync(item.AudioPath, item.DurationSeconds, options, ct).ConfigureAwait(false);
        if (audio is null)
        {
            return Failed(item, item.DurationSeconds, $"{item.Id}: {audioError}");
        }

        using (audio)
        {
            TimeSpan timeout = options.TimeoutFor(audio.Seconds);
            ChildOutcome outcome;
            try
            {
                outcome = await ChildProcessRunner.RunAsync(executable, arguments(item, audio.Path), timeout, options.TimeProvider, ct)
                    .ConfigureAwait(false);
            }
            catch (Win32Exception ex)
            {
                return Failed(item, audio.Seconds, $"{item.Id} ({item.AudioPath}): could not start {executable}: {ex.Message}");
            }

            string hypothesis = transcript(outcome.StdoutLines);
            if (!outcome.Succeeded)
            {
                return new PeerItem(item.Id, audio.Seconds, outcome.WallSeconds, outcome.CpuSeconds, hypothesis)
                {
                    Error = $"{item.Id} ({item.AudioPath}): {Path.GetFileName(executable)} {outcome.Describe(timeout)}",
                };
            }

            return new PeerItem(item.Id, audio.Seconds, outcome.WallSeconds, outcome.CpuSeconds, hypothesis)
            {
                Errors = item.Transcript is null ? null : WordErrorRate.Compute(item.Transcript, hypothesis),
            };
        }
    }

    private static PeerItem Failed(CorpusItem item, double audioSeconds, string error) =>
        new(item.Id, audioSeconds, 0, 0, string.Empty) { Error = error };

    /// <summary>Non-empty stdout lines, trimmed and joined by spaces: one line per utterance or segment.</summary>
    public static string JoinLines(IEnumerable<string> lines) =>
        string.Join(' ', lines.Select(l => l.Trim()).Where(l => l.Length > 0));
}
