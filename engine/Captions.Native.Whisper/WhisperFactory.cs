namespace Captions.Native.Whisper;

/// <summary>
/// A loaded whisper model (a <c>whisper_context</c> without state). Create processors from it; each processor owns
/// its own <c>whisper_state</c>, so several processors can decode concurrently over one copy of the weights.
/// </summary>
/// <remarks>
/// Threading model: the model weights are read-only after load, so <see cref="CreateBuilder"/> and processors on
/// different threads are safe. Dispose the factory after its processors (a processor keeps the context alive through
/// a SafeHandle reference, so an early Dispose is deferred, not a crash).
/// </remarks>
public sealed class WhisperFactory : IDisposable
{
    private readonly WhisperContextHandle _context;

    private WhisperFactory(WhisperContextHandle context, string modelPath)
    {
        _context = context;
        ModelPath = modelPath;
        IsMultilingual = WhisperNative.IsMultilingual(context) != 0;
        AudioContext = WhisperNative.ModelAudioContext(context);
        AudioState = WhisperNative.ModelAudioState(context);
        AudioLayers = WhisperNative.ModelAudioLayers(context);
        VocabularySize = WhisperNative.ModelVocabulary(context);
    }

    /// <summary>The ggml model file.</summary>
    public string ModelPath { get; }

    /// <summary>True for multilingual models (language detection available).</summary>
    public bool IsMultilingual { get; }

    /// <summary>n_audio_ctx: 1500 encoder positions = 30 s.</summary>
    public int AudioContext { get; }

    /// <summary>n_audio_state (tiny 384, base 512).</summary>
    public int AudioState { get; }

    /// <summary>n_audio_layer (tiny 4, base 6).</summary>
    public int AudioLayers { get; }

    /// <summary>n_vocab (51865 multilingual).</summary>
    public int VocabularySize { get; }

    internal WhisperContextHandle Context => _context;

    /// <summary>
    /// Loads the ggml whisper model at <paramref name="modelPath"/>.
    /// </summary>
    /// <exception cref="WhisperModelException">The file is missing, truncated, not a ggml whisper file or has wrong
    /// tensor shapes; the message names the file and carries whisper's own error lines.</exception>
    /// <exception cref="DllNotFoundException">libwhisper could not be loaded.</exception>
    /// <exception cref="WhisperLayoutException">The loaded libwhisper is not the version this binding mirrors.</exception>
    public static WhisperFactory FromPath(string modelPath, WhisperFactoryOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        options ??= new WhisperFactoryOptions();
        EnsureLibrary(options.LibraryDirectory);
        WhisperLog.Bridge.Install(options.Logger);

        string fullPath = Path.GetFullPath(modelPath);
        if (!File.Exists(fullPath))
        {
            throw new WhisperModelException(fullPath, $"whisper model '{fullPath}' does not exist");
        }

        WhisperContextParams parameters = WhisperParamsLayout.ContextDefaults();
        parameters.UseGpu = 0; // CPU-only build; keeps whisper from probing GPU backends
        if (options.FlashAttention is bool flash)
        {
            parameters.FlashAttention = flash ? (byte)1 : (byte)0;
        }

        WhisperLog.Bridge.BeginCapture();
        nint context;
        string log;
        try
        {
            context = WhisperNative.InitFromFileNoState(fullPath, parameters);
        }
        finally
        {
            log = WhisperLog.Bridge.EndCapture();
        }

        if (context == 0)
        {
            string reason = log.Length == 0 ? "whisper_init returned NULL without a log line" : log.ReplaceLineEndings("; ");
            throw new WhisperModelException(fullPath, $"whisper model '{fullPath}' failed to load: {reason}");
        }

        return new WhisperFactory(WhisperContextHandle.FromPointer(context), fullPath);
    }

    /// <summary>Starts configuring a processor (defaults: greedy, English, 4 threads at most, no fallback off).</summary>
    public WhisperProcessorBuilder CreateBuilder()
    {
        ObjectDisposedException.ThrowIf(_context.IsClosed, this);
        return new WhisperProcessorBuilder(this);
    }

    /// <summary>Releases the model once no processor uses it. Safe to call twice.</summary>
    public void Dispose() => _context.Dispose();

    private static void EnsureLibrary(string? libraryDirectory)
    {
        if (WhisperLibrary.LoadedPath is not null && libraryDirectory is null)
        {
            return;
        }

        if (libraryDirectory is null)
        {
            throw new DllNotFoundException(
                "libwhisper is not loaded: pass WhisperFactoryOptions.LibraryDirectory or call WhisperLibrary.TryLoad first");
        }

        if (!WhisperLibrary.TryLoad(libraryDirectory, out _, out _, out string? error))
        {
            throw new DllNotFoundException(error);
        }
    }
}
