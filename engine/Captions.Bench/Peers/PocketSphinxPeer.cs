using Captions.Bench.Corpus;
using Captions.Engine.Hosting;

namespace Captions.Bench.Peers;

/// <summary>
/// Debian's <c>pocketsphinx_continuous -infile</c> on each item, with the same en-us models our SphinxRecognizer
/// loads by default (<see cref="CaptionsPaths.PocketSphinxAcousticModelDirectory"/> and its siblings): the reference
/// for what the pocketsphinx library does without our streaming, VAD and pipeline around it.
/// </summary>
/// <remarks>
/// One process per item, so wall and CPU include process start and model load (~1 s); ours loads once for a whole
/// session. The CLI runs its own VAD and prints one line per utterance it found on stdout; its log (stderr) is
/// dropped except for the last line, which names the problem when it fails. It runs pocketsphinx's default second
/// pass (-fwdflat, -bestpath), which ours turns off for latency (SphinxRecognizerOptions.SecondPass).
/// </remarks>
public sealed class PocketSphinxPeer
{
    /// <summary>Where Debian's pocketsphinx package installs the CLI.</summary>
    public const string DefaultExecutable = "/usr/bin/pocketsphinx_continuous";

    /// <summary>The name in reports.</summary>
    public const string PeerName = "pocketsphinx_continuous";

    /// <summary>The CLI to run; tests point it elsewhere.</summary>
    public string Executable { get; init; } = DefaultExecutable;

    /// <summary>Acoustic model directory (-hmm).</summary>
    public string AcousticModelDirectory { get; init; } = CaptionsPaths.PocketSphinxAcousticModelDirectory;

    /// <summary>Language model (-lm).</summary>
    public string LanguageModelPath { get; init; } = CaptionsPaths.PocketSphinxLanguageModelPath;

    /// <summary>Pronunciation dictionary (-dict).</summary>
    public string DictionaryPath { get; init; } = CaptionsPaths.PocketSphinxDictionaryPath;

    /// <summary>Per-item budget and clock.</summary>
    public PeerOptions Options { get; init; } = new();

    /// <summary>The command line, with &lt;wav&gt; for the item's file, as reports print it.</summary>
    public string Command => string.Join(' ', [Executable, .. Arguments("<wav>")]);

    /// <summary>
    /// Runs every item in order. A missing CLI or model gives a run with <see cref="PeerRun.Error"/> and no items; a
    /// failing item (unreadable WAV, non-zero exit, timeout, not English) gets <see cref="PeerItem.Error"/>.
    /// </summary>
    /// <param name="comparedWith">The configuration of ours the ratios are taken against.</param>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired; the running CLI was killed.</exception>
    public async Task<PeerRun> RunAsync(IReadOnlyList<CorpusItem> items, string comparedWith, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(comparedWith);
        if (MissingPrerequisite() is string missing)
        {
            return new PeerRun(PeerName, Command, comparedWith, []) { Error = missing };
        }

        IReadOnlyList<PeerItem> results = await PeerDriver.RunAsync(
            items,
            Executable,
            (_, wav) => Arguments(wav),
            item => item.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase)
                ? null
                : $"language '{item.Language}': the pocketsphinx models here are US English only",
            PeerDriver.JoinLines,
            Options,
            ct).ConfigureAwait(false);
        return new PeerRun(PeerName, Command, comparedWith, results);
    }

    private string? MissingPrerequisite()
    {
        if (!File.Exists(Executable))
        {
            return $"{Executable} is missing: install the Debian package pocketsphinx (scripts/debian-packages.txt; ./scripts/bootstrap.sh)";
        }

        if (!Directory.Exists(AcousticModelDirectory))
        {
            return $"acoustic model directory {AcousticModelDirectory} is missing: install the Debian package pocketsphinx-en-us (./scripts/bootstrap.sh)";
        }

        foreach (string file in (string[])[LanguageModelPath, DictionaryPath])
        {
            if (!File.Exists(file))
            {
                return $"{file} is missing: install the Debian package pocketsphinx-en-us (./scripts/bootstrap.sh)";
            }
        }

        return null;
    }

    private string[] Arguments(string wav) =>
        ["-infile", wav, "-hmm", AcousticModelDirectory, "-lm", LanguageModelPath, "-dict", DictionaryPath];
}
