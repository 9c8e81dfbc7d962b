using System.Buffers.Binary;
using Captions.Engine.Hosting;

namespace Captions.Engine.Models;

/// <summary>
/// The folder ggml Whisper models live in (default <c>$CACHE/models</c>), and how a <c>--model</c> value (catalog name
/// or file path) becomes a file. Downloads land as <c>ggml-NAME.bin.partial</c> and are renamed when verified.
/// </summary>
public sealed class ModelStore
{
    public const string PartialExtension = ".partial";

    /// <summary>"ggml" read as a little-endian uint32, the first 4 bytes of every whisper.cpp model file.</summary>
    private const uint GgmlMagic = 0x67676d6c;

    public ModelStore(string directory, ModelCatalog catalog)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(catalog);
        Directory = Path.GetFullPath(directory);
        Catalog = catalog;
    }

    public string Directory { get; }

    public ModelCatalog Catalog { get; }

    /// <summary><c>$CACHE/models</c> under the cache root the bootstrap uses.</summary>
    public static string DefaultDirectory(CaptionsPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Path.Combine(paths.CacheRoot, "models");
    }

    public string PathFor(WhisperModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Path.Combine(Directory, model.FileName);
    }

    public static string PartialPathFor(string modelPath) => modelPath + PartialExtension;

    /// <summary>Bytes of an interrupted download of <paramref name="model"/> waiting to be resumed, or 0.</summary>
    public long PartialLength(WhisperModelInfo model)
    {
        var partial = new FileInfo(PartialPathFor(PathFor(model)));
        return partial.Exists ? partial.Length : 0;
    }

    /// <summary>
    /// A catalog name ("tiny.en") becomes its file in this store; anything with a directory separator or a ".bin"
    /// ending is a path. Either way the file must exist.
    /// </summary>
    /// <exception cref="UnknownModelException">Not a path and not a catalog name.</exception>
    /// <exception cref="ModelNotFoundException">The file is absent; the message says how to get it.</exception>
    public string Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (LooksLikePath(nameOrPath))
        {
            var full = Path.GetFullPath(nameOrPath);
            return File.Exists(full)
                ? full
                : throw new ModelNotFoundException($"model file '{nameOrPath}' does not exist", full);
        }

        var model = Catalog.Find(nameOrPath) ?? throw new UnknownModelException(
            $"unknown model '{nameOrPath}'; known: {string.Join(", ", Catalog.Models.Select(m => m.Name))} (or pass a path to a ggml .bin file)");
        var path = PathFor(model);
        return File.Exists(path)
            ? path
            : throw new ModelNotFoundException(
                $"model '{model.Name}' is not installed in {Directory}: run 'captions models pull {model.Name}', " +
                $"or download {model.FileName} from {Catalog.DownloadUrl(model)} elsewhere and put it there, or pass --model PATH",
                path);
    }

    /// <summary>Model files (*.bin Whisper, *.gguf Qwen) in the store, by name; nothing is hashed.</summary>
    public IReadOnlyList<InstalledModel> ListInstalled()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return [.. System.IO.Directory.EnumerateFiles(Directory, "*.bin")
            .Concat(System.IO.Directory.EnumerateFiles(Directory, "*.gguf"))
            .Order(StringComparer.Ordinal)
            .Select(Describe)];
    }

    /// <summary>The installed file of <paramref name="model"/>, or null.</summary>
    public InstalledModel? FindInstalled(WhisperModelInfo model)
    {
        var path = PathFor(model);
        return File.Exists(path) ? Describe(path) : null;
    }

    /// <summary>
    /// Re-hashes <paramref name="path"/> and compares it with the published checksum of its catalog entry, else with
    /// the SHA-256 recorded in its sidecar. A file with neither gets a sidecar now, so later runs can detect change.
    /// </summary>
    public async Task<ModelVerification> VerifyAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ModelNotFoundException($"model file '{path}' does not exist", full);
        }

        var model = Catalog.FindByFileName(Path.GetFileName(full));
        if (ReadMagic(full) is var magic && magic != GgmlMagic)
        {
            return new ModelVerification(full, model, null, ModelVerificationState.Mismatch,
                magic is null ? "shorter than 4 bytes: not a ggml model" : $"not a ggml model: magic 0x{magic:x8}, expected 0x{GgmlMagic:x8}");
        }

        var hashes = await ModelHashes.ComputeAsync(full, cancellationToken).ConfigureAwait(false);
        var recorded = ModelSidecar.Read(full);
        if (model is { HasPublishedChecksum: true })
        {
            if (!hashes.MatchesPublished(model))
            {
                return new ModelVerification(full, model, hashes, ModelVerificationState.Mismatch, model.Sha1 is not null
                    ? $"sha1 mismatch: expected {model.Sha1}, actual {hashes.Sha1}"
                    : $"sha256 mismatch: expected {model.Sha256}, actual {hashes.Sha256}");
            }

            if (recorded != hashes.Sha256)
            {
                ModelSidecar.Write(full, hashes.Sha256);
            }

            return new ModelVerification(full, model, hashes, ModelVerificationState.Verified,
                model.Sha1 is not null ? $"sha1 {hashes.Sha1} matches whisper.cpp's published checksum" : $"sha256 {hashes.Sha256} matches the catalog");
        }

        if (recorded is not null)
        {
            return recorded == hashes.Sha256
                ? new ModelVerification(full, model, hashes, ModelVerificationState.Recorded,
                    $"sha256 {hashes.Sha256} matches the one recorded at download (no checksum is published for this file)")
                : new ModelVerification(full, model, hashes, ModelVerificationState.Mismatch,
                    $"sha256 mismatch: recorded {recorded}, actual {hashes.Sha256}");
        }

        ModelSidecar.Write(full, hashes.Sha256);
        return new ModelVerification(full, model, hashes, ModelVerificationState.Unchecked,
            $"no published or recorded checksum to compare with; recorded sha256 {hashes.Sha256} now for later checks");
    }

    private InstalledModel Describe(string path)
    {
        var model = Catalog.FindByFileName(Path.GetFileName(path));
        var state = ModelSidecar.Read(path) is null
            ? ModelVerificationState.Unchecked
            : model is { HasPublishedChecksum: true } ? ModelVerificationState.Verified : ModelVerificationState.Recorded;
        return new InstalledModel(path, model, new FileInfo(path).Length, state);
    }

    private static bool LooksLikePath(string value) =>
        value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || value.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal)
        || value.EndsWith(".bin", StringComparison.OrdinalIgnoreCase);

    private static uint? ReadMagic(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(head) : null;
    }
}
