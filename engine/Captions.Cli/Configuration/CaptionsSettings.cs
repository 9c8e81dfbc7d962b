namespace Captions.Cli.Configuration;

/// <summary>
/// Every setting of the `captions` executable. Sources, later ones winning: appsettings.json beside the executable,
/// a file given with --config, environment variables CAPTIONS_* (sections joined by "__", e.g.
/// CAPTIONS_VAD__THRESHOLDDB=12), then command-line flags. Unknown keys in a settings file are errors.
/// </summary>
public sealed class CaptionsSettings
{
    /// <summary>
    /// Speech recogniser: "auto" (Whisper when a model is installed or named, otherwise sphinx with a one-line notice),
    /// "whisper" (streaming whisper.cpp; a model is required), or "sphinx" (pocketsphinx, offline, needs no download).
    /// </summary>
    public string Asr { get; set; } = "auto";

    public WhisperSettings Whisper { get; set; } = new();

    /// <summary>File playback: "realtime" (paced like a live talker) or "fast" (as fast as the pipeline goes).</summary>
    public string Pacing { get; set; } = "realtime";

    public VadSettings Vad { get; set; } = new();

    public SphinxSettings Sphinx { get; set; } = new();

    public OutputSettings Output { get; set; } = new();

    public InputSettings Input { get; set; } = new();

    public ModelsSettings Models { get; set; } = new();

    public TranslationSettings Translation { get; set; } = new();

    public DisplaySettings Display { get; set; } = new();

    public VisionSettings Vision { get; set; } = new();
}

public sealed class WhisperSettings
{
    /// <summary>A catalog name (base.en, tiny, ...) or a path to a ggml file; empty: the first installed model.</summary>
    public string? Model { get; set; }

    /// <summary>Spoken language (ISO 639-1), or "auto" to detect it.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Decoder threads; 0 = one per core, at most 4.</summary>
    public int Threads { get; set; }

    /// <summary>How much new audio triggers a re-decode (grows by itself when decoding falls behind).</summary>
    public int StepMs { get; set; } = 1000;
}

public sealed class VadSettings
{
    /// <summary>"auto" (Silero when ONNX Runtime and the model are present, else energy), "silero" or "energy".</summary>
    public string Engine { get; set; } = "auto";

    /// <summary>Energy VAD: SNR above the noise floor (dB) at which a frame is 50% likely speech.</summary>
    public double ThresholdDb { get; set; } = 10;

    public int MinSpeechMs { get; set; } = 100;

    /// <summary>Silence that ends an utterance (and commits its caption).</summary>
    public int HangoverMs { get; set; } = 300;

    public int PreRollMs { get; set; } = 200;

    public double MaxUtteranceSeconds { get; set; } = 15;
}

public sealed class SphinxSettings
{
    /// <summary>Folder of the pocketsphinx model (Debian pocketsphinx-en-us).</summary>
    public string ModelDir { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>Pronunciation dictionary; default: cmudict-en-us.dict in <see cref="ModelDir"/>.</summary>
    public string? Dictionary { get; set; }

    /// <summary>Language model; default: en-us.lm.bin in <see cref="ModelDir"/>.</summary>
    public string? LanguageModel { get; set; }
}

public sealed class OutputSettings
{
    /// <summary>Broadcast practice: at most 42 characters a line.</summary>
    public int MaxLineLength { get; set; } = 42;

    /// <summary>Broadcast practice: at most 2 lines a cue.</summary>
    public int MaxLines { get; set; } = 2;
}

public sealed class InputSettings
{
    /// <summary>Sample rate of raw s16le PCM read from stdin (--input -).</summary>
    public int RawSampleRate { get; set; } = 16_000;

    /// <summary>Interleaved channels of raw PCM read from stdin.</summary>
    public int RawChannels { get; set; } = 1;

    /// <summary>ffmpeg input format used for `mic`: "pulse" or "alsa".</summary>
    public string MicrophoneBackend { get; set; } = "pulse";
}

public sealed class ModelsSettings
{
    /// <summary>Where `captions models pull` fetches ggml-NAME.bin from (a mirror on a closed network, say).</summary>
    public string BaseUrl { get; set; } = Captions.Engine.Models.ModelCatalog.DefaultBaseUrl;

    /// <summary>Folder of model files; default: $CACHE/models (CAPTIONS_CACHE_DIR, else XDG_CACHE_HOME/captions, else ~/.cache/captions).</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Optional JSON file of extra catalog entries, [{"name": "...", "sha1": "...", "sha256": "..."}], for models
    /// whisper.cpp does not list (fine-tunes on a mirror). Their checksums are verified like the built-in ones.
    /// </summary>
    public string? CatalogFile { get; set; }
}

public sealed class TranslationSettings
{
    /// <summary>Target language (ISO 639-1, e.g. "es"); null: captions are not translated.</summary>
    public string? To { get; set; }

    /// <summary>Source language (ISO 639-1) or "auto" (the recogniser's language).</summary>
    public string From { get; set; } = "auto";

    /// <summary>
    /// "auto" (remote Qwen when an endpoint is configured, else on-device Qwen when a GGUF is installed, else Apertium
    /// for the pairs it has), "qwen", "qwen-local", "apertium" or "none".
    /// </summary>
    public string Translator { get; set; } = "auto";

    /// <summary>Glossary file: one "term = translation" per line.</summary>
    public string? Glossary { get; set; }

    /// <summary>A partial caption is translated at most this often (ms).</summary>
    public int PartialIntervalMs { get; set; } = 600;

    /// <summary>A committed caption waits at most this long for its translation (ms), then goes out untranslated.</summary>
    public int CommittedTimeoutMs { get; set; } = 3000;

    public QwenSettings Qwen { get; set; } = new();
}

/// <summary>Remote Qwen over an OpenAI-compatible endpoint. Environment: CAPTIONS_QWEN_BASE_URL, _MODEL, _API_KEY.</summary>
public sealed class QwenSettings
{
    /// <summary>"dashscope", "dashscope-cn", "vllm", "llama.cpp", "ollama" or null (BaseUrl and Model given directly).</summary>
    public string? Preset { get; set; }

    public string? BaseUrl { get; set; }

    public string? Model { get; set; }

    /// <summary>Never logged or printed. Prefer the environment (CAPTIONS_QWEN_API_KEY) to a file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>On-device model: a GGUF path or a catalog name (qwen2.5-0.5b-instruct).</summary>
    public string? LocalModel { get; set; }
}

/// <summary>The glasses' displays and how captions look on them (`listen --display`, `captions render`).</summary>
public sealed class DisplaySettings
{
    /// <summary>none, sbs (one side-by-side display), dual (one display per eye), mono, or png:DIR (frames to a folder).</summary>
    public string Target { get; set; } = "none";

    /// <summary>Pixels of one eye, WIDTHxHEIGHT.</summary>
    public string Eye { get; set; } = "1920x1080";

    public int RefreshHz { get; set; } = 60;

    public bool VSync { get; set; } = true;

    /// <summary>Distance of the caption plane in metres (sets the stereo disparity).</summary>
    public double DepthMetres { get; set; } = 2.0;

    /// <summary>Interpupillary distance in millimetres.</summary>
    public double IpdMillimetres { get; set; } = 63.0;

    /// <summary>Horizontal field of view of one eye's display in degrees.</summary>
    public double FieldOfViewDegrees { get; set; } = 45.0;

    /// <summary>Per-eye calibration offsets in pixels, "X,Y".</summary>
    public string LeftCalibration { get; set; } = "0,0";

    public string RightCalibration { get; set; } = "0,0";

    /// <summary>Show the recognised source line (smaller, above the translation).</summary>
    public bool ShowSource { get; set; } = true;

    /// <summary>0..1: scales text colour (micro-OLEDs are bright indoors).</summary>
    public double Brightness { get; set; } = 1.0;

    /// <summary>0.25..4: spreads text colour around mid-grey.</summary>
    public double Contrast { get; set; } = 1.0;

    /// <summary>
    /// Font fallback chain, first = primary ("PATH" or "PATH#FACE" for a collection); null = DejaVu Sans, WenQuanYi
    /// Micro Hei, TLWG Loma from the Debian packages the bootstrap installs.
    /// </summary>
    public List<string>? Fonts { get; set; }

    /// <summary>none, shadow or outline: dark edges help only over video (black is transparent on the glasses).</summary>
    public string Effect { get; set; } = "none";
}

/// <summary>Sign and menu translation (`captions look`).</summary>
public sealed class VisionSettings
{
    /// <summary>auto (PP-OCR for Chinese and plain Latin, Tesseract for kana, hangul and accented Latin), ppocr or tesseract.</summary>
    public string Ocr { get; set; } = "auto";

    /// <summary>Group lines into menu items (dish + price); prices and numbers are kept as printed.</summary>
    public bool Menu { get; set; }

    /// <summary>Camera-to-display map: fit, h:9 numbers (row-major homography) or points:cx,cy=&gt;dx,dy;... (4 pairs).</summary>
    public string Calibration { get; set; } = "fit";

    /// <summary>Longest side the text detector sees (PP-OCR's default 960; multiples of 32).</summary>
    public int DetectionMaxSide { get; set; } = 960;

    /// <summary>Readings that must agree before an overlay shows (across frames; a photo shows its first reading).</summary>
    public int Votes { get; set; } = 2;

    /// <summary>Frames a sign may be missing before its overlay is retired.</summary>
    public int RetireAfterFrames { get; set; } = 10;

    /// <summary>Most overlays at once; the rest are dropped lowest-score first and counted.</summary>
    public int MaxRegions { get; set; } = 100;

    /// <summary>Photos in a folder are shown for this long each (0 = as fast as they decode).</summary>
    public int PhotoIntervalMs { get; set; }
}
