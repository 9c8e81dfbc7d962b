using System.Globalization;

namespace Captions.Bench.Corpus;

/// <summary>
/// Loads a benchmark corpus: a folder with a <c>manifest.json</c> naming recordings, synthesised speech, noisy mixes
/// and long sessions (format: DefaultCorpus/README.md). Generated audio is built once into the cache and reused, so
/// only the first <c>captions bench</c> on a machine pays for espeak-ng and the hour-long sessions.
/// </summary>
/// <remarks>
/// Policy: a malformed manifest, or one that names nothing, throws <see cref="CorpusException"/>; a single bad item
/// (missing audio, unreadable alignment) becomes a line of <see cref="BenchCorpus.Problems"/> and the rest load.
/// </remarks>
public static class CorpusLoader
{
    /// <summary>Name of the manifest file inside a corpus folder.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>The corpora shipped next to the executable (<c>corpus/&lt;name&gt;/manifest.json</c>).</summary>
    public static IReadOnlyList<string> BundledNames { get; } = ["default", "long"];

    /// <summary>Where the bundled corpora are copied on build: <c>&lt;app base&gt;/corpus</c>.</summary>
    public static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "corpus");

    /// <summary>The bundled default corpus: jfk.wav, the LibriVox clips, synthetic speech in five languages, noisy mixes.</summary>
    public static string DefaultManifestPath => Path.Combine(BundledDirectory, "default", ManifestFileName);

    /// <summary>
    /// The manifest a <c>--corpus</c> argument names: a folder (its manifest.json), a manifest file, or a bundled
    /// name ("default", "long"); null or empty means the default corpus. Paths win over names, so a folder called
    /// "long" in the working directory is used as a folder.
    /// </summary>
    /// <exception cref="CorpusException">The argument is none of these; the message lists what was tried.</exception>
    public static string ResolveManifestPath(string? corpus)
    {
        if (string.IsNullOrWhiteSpace(corpus))
        {
            return DefaultManifestPath;
        }

        if (Directory.Exists(corpus))
        {
            string manifest = Path.GetFullPath(Path.Combine(corpus, ManifestFileName));
            return File.Exists(manifest)
                ? manifest
                : throw new CorpusException($"{Path.GetFullPath(corpus)}: a corpus folder needs a {ManifestFileName}; there is none.");
        }

        if (File.Exists(corpus))
        {
            return Path.GetFullPath(corpus);
        }

        if (BundledNames.Contains(corpus, StringComparer.Ordinal))
        {
            return Path.Combine(BundledDirectory, corpus, ManifestFileName);
        }

        throw new CorpusException(
            $"--corpus '{corpus}': not a corpus folder, a manifest file, or a bundled corpus ({string.Join(", ", BundledNames)}).");
    }

    /// <summary>Reads the manifest, then resolves every item, building generated audio into the cache when needed.</summary>
    /// <exception cref="CorpusException">The manifest is missing, malformed or names nothing, or espeak-ng is missing.</exception>
    public static async Task<BenchCorpus> LoadAsync(string manifestPath, CorpusLoadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        ArgumentNullException.ThrowIfNull(options);
        Manifest manifest = ManifestReader.Read(manifestPath, options);
        var resolver = new CorpusResolver(options);
        var items = new List<CorpusItem>(manifest.Items.Count);
        foreach (ItemSpec spec in manifest.Items)
        {
            if (await resolver.ResolveAsync(spec, cancellationToken).ConfigureAwait(false) is { } item)
            {
                items.Add(item);
            }
        }

        double seconds = items.Sum(i => i.DurationSeconds);
        options.Progress?.Invoke(string.Create(
            CultureInfo.InvariantCulture,
            $"corpus: {manifest.Name}: {items.Count} items, {seconds:0.0} s of audio ({resolver.Built} built, {resolver.CacheHits} from cache, {resolver.Problems.Count} problems)"));
        return new BenchCorpus(manifest.Name, manifest.Path, items, resolver.Problems);
    }
}
