using Captions.Bench.Corpus;
using Captions.Engine.Hosting;

namespace Captions.Bench.Peers;

/// <summary>
/// whisper.cpp's own <c>whisper-cli</c>, built by the bootstrap from the same source as our binding
/// (<see cref="CaptionsPaths.WhisperCliPath"/>), on each item with a given ggml model and thread count: what the
/// same whisper.cpp does on the same audio without our streaming around it.
/// </summary>
/// <remarks>
/// One process per item: wall and CPU include process start and model load. Decoding is greedy without temperature
/// fallback by default (<see cref="ExtraArguments"/>: -bs 1 -nf; whisper-cli's own default is beam search 5 with
/// fallback), as our binding decodes. -nt prints one line of text per segment on stdout; whisper.cpp's log goes to
/// stderr and only its last line is kept, for errors. The item's language is passed with -l.
/// whisper-stream (whisper.cpp's live microphone example, the closer peer to our streaming) is not a peer here: it
/// needs SDL2 and a capture device, so the bootstrap does not build it.
/// </remarks>
public sealed class WhisperCliPeer
{
    /// <summary>The name in reports.</summary>
    public const string PeerName = "whisper-cli";

    /// <param name="modelPath">A ggml whisper model (e.g. ggml-base.bin).</param>
    /// <param name="threads">whisper-cli -t: compute threads, as many as ours uses for a fair comparison.</param>
    public WhisperCliPeer(string modelPath, int threads)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ModelPath = modelPath;
        Threads = threads;
    }

    /// <summary>The ggml model (-m).</summary>
    public string ModelPath { get; }

    /// <summary>Compute threads (-t).</summary>
    public int Threads { get; }

    /// <summary>The CLI to run; default the bootstrap's build for this CPU.</summary>
    public string Executable { get; init; } = CaptionsPaths.FromEnvironment().WhisperCliPath;

    /// <summary>Decoding options after the fixed ones; default greedy (-bs 1) without temperature fallback (-nf).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = ["-bs", "1", "-nf"];

    /// <summary>Per-item budget and clock.</summary>
    public PeerOptions Options { get; init; } = new();

    /// <summary>The command line, with &lt;wav&gt; and &lt;lang&gt; for the item's, as reports print it.</summary>
    public string Command => string.Join(' ', [Executable, .. Arguments("<wav>", "<lang>")]);

    /// <summary>
    /// Runs every item in order. A missing CLI or model gives a run with <see cref="PeerRun.Error"/> and no items; a
    /// failing item (unreadable WAV, non-zero exit, timeout) gets <see cref="PeerItem.Error"/>.
    /// </summary>
    /// <param name="comparedWith">The configuration of ours the ratios are taken against.</param>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired; the running CLI was killed.</exception>
    public async Task<PeerRun> RunAsync(IReadOnlyList<CorpusItem> items, string comparedWith, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(comparedWith);
        if (!File.Exists(Executable))
        {
            return new PeerRun(PeerName, Command, comparedWith, [])
            {
                Error = $"{Executable} is missing: run ./scripts/bootstrap.sh (it builds whisper.cpp {CaptionsPaths.WhisperVersion} with whisper-cli for this CPU)",
            };
        }

        if (!File.Exists(ModelPath))
        {
            return new PeerRun(PeerName, Command, comparedWith, [])
            {
                Error = $"whisper model {ModelPath} is missing: pass the path of a ggml whisper model (the same file our whisper configuration loads)",
            };
        }

        IReadOnlyList<PeerItem> results = await PeerDriver.RunAsync(
            items,
            Executable,
            (item, wav) => Arguments(wav, string.IsNullOrWhiteSpace(item.Language) ? "auto" : item.Language),
            _ => null,
            PeerDriver.JoinLines,
            Options,
            ct).ConfigureAwait(false);
        return new PeerRun(PeerName, Command, comparedWith, results);
    }

    private string[] Arguments(string wav, string language) =>
        ["-m", ModelPath, "-f", wav, "-t", Threads.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", language, "-nt", .. ExtraArguments];
}
