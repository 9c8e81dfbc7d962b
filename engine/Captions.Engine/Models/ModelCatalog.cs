namespace Captions.Engine.Models;

/// <summary>
/// The ggml Whisper models <c>captions models pull</c> can fetch, and where from.
/// </summary>
/// <remarks>
/// Source of the default entries: whisper.cpp 1.9.1 as shipped in npm nodejs-whisper@0.3.1
/// (<c>cpp/whisper.cpp/models/README.md</c>, table "Available models", and <c>models/download-ggml-model.sh</c> for the
/// names). whisper.cpp publishes SHA-1 only, and only for the f16 models; the quantised files (-q5_1, -q8_0) have no
/// published checksum, so they are listed with none and pulls of them say "unverified". Nothing here was computed
/// from a download: this machine has no route to the model hub.
/// </remarks>
public sealed class ModelCatalog
{
    /// <summary>whisper.cpp's download script fetches <c>{base}/ggml-{name}.bin</c> from here.</summary>
    public const string DefaultBaseUrl = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/";

    private static readonly WhisperModelInfo[] s_whisperCpp =
    [
        new("tiny", Sha1: "bd577a113a864445d4c299885e0cb97d4ba92b5f", ApproximateSize: "75 MiB"),
        new("tiny.en", Sha1: "c78c86eb1a8faa21b369bcd33207cc90d64ae9df", ApproximateSize: "75 MiB"),
        new("tiny-q5_1"),
        new("tiny.en-q5_1"),
        new("tiny-q8_0"),
        new("base", Sha1: "465707469ff3a37a2b9b8d8f89f2f99de7299dac", ApproximateSize: "142 MiB"),
        new("base.en", Sha1: "137c40403d78fd54d454da0f9bd998f78703390c", ApproximateSize: "142 MiB"),
        new("base-q5_1"),
        new("base.en-q5_1"),
        new("base-q8_0"),
        new("small", Sha1: "55356645c2b361a969dfd0ef2c5a50d530afd8d5", ApproximateSize: "466 MiB"),
        new("small.en", Sha1: "db8a495a91d927739e50b3fc1cc4c6b8f6c2d022", ApproximateSize: "466 MiB"),
        new("small-q5_1"),
        new("small.en-q5_1"),
        new("small-q8_0"),
    ];

    // Qwen's own GGUF repositories on the model hub (Qwen/Qwen2.5-*-Instruct-GGUF). They publish no checksum file, so
    // pulls are unverified and their sha256 is recorded for later `models verify`, as for quantised Whisper models.
    private static readonly WhisperModelInfo[] s_qwen =
    [
        new("qwen2.5-0.5b-instruct")
        {
            Kind = ModelKind.QwenGguf,
            File = "qwen2.5-0.5b-instruct-q4_k_m.gguf",
            Source = new Uri("https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf"),
        },
        new("qwen2.5-1.5b-instruct")
        {
            Kind = ModelKind.QwenGguf,
            File = "qwen2.5-1.5b-instruct-q4_k_m.gguf",
            Source = new Uri("https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/qwen2.5-1.5b-instruct-q4_k_m.gguf"),
        },
    ];

    private readonly Dictionary<string, WhisperModelInfo> _byName;

    /// <param name="models">Entries, in display order; names must be unique (ordinal, case-sensitive as on the hub).</param>
    /// <param name="baseUrl">Absolute http(s) URL the files are fetched from; a missing trailing '/' is added.</param>
    public ModelCatalog(IEnumerable<WhisperModelInfo> models, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"model base URL '{baseUrl}' is not an absolute http(s) URL", nameof(baseUrl));
        }

        BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        Models = [.. models];
        _byName = new Dictionary<string, WhisperModelInfo>(StringComparer.Ordinal);
        foreach (var model in Models)
        {
            if (!IsValidName(model.Name))
            {
                throw new ArgumentException($"model name '{model.Name}' may hold only letters, digits, '.', '-' and '_'", nameof(models));
            }

            if (!_byName.TryAdd(model.Name, model))
            {
                throw new ArgumentException($"model '{model.Name}' is listed twice", nameof(models));
            }
        }
    }

    /// <summary>The whisper.cpp entries (tiny, base, small, their .en and quantised variants).</summary>
    public static IReadOnlyList<WhisperModelInfo> WhisperCppModels => s_whisperCpp;

    public Uri BaseUrl { get; }

    public IReadOnlyList<WhisperModelInfo> Models { get; }

    /// <summary>The Qwen GGUF entries for on-device translation (each with its own download URL).</summary>
    public static IReadOnlyList<WhisperModelInfo> QwenModels => s_qwen;

    /// <summary>
    /// The whisper.cpp entries fetched from <paramref name="baseUrl"/> (default: the model hub), then the Qwen GGUF
    /// entries, which keep their own URLs.
    /// </summary>
    public static ModelCatalog CreateDefault(Uri? baseUrl = null, IEnumerable<WhisperModelInfo>? extra = null) =>
        new([.. s_whisperCpp, .. s_qwen, .. extra ?? []], baseUrl ?? new Uri(DefaultBaseUrl));

    /// <summary>The entry named <paramref name="name"/>, or null.</summary>
    public WhisperModelInfo? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.GetValueOrDefault(name);
    }

    /// <summary>The entry whose file name is <paramref name="fileName"/> (ggml-NAME.bin, or a GGUF entry's file), or null.</summary>
    public WhisperModelInfo? FindByFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Models.FirstOrDefault(m => string.Equals(m.FileName, fileName, StringComparison.Ordinal));
    }

    public Uri DownloadUrl(WhisperModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Source ?? new Uri(BaseUrl, model.FileName);
    }

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= 100 && !name.StartsWith('.') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
