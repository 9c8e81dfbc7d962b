namespace Captions.Native.Whisper;

/// <summary>
/// Configures a <see cref="WhisperProcessor"/>. Unset options keep whisper.cpp's own defaults, read from the library
/// (whisper_full_default_params_by_ref): greedy, "en", n_threads = min(4, hardware threads), temperature 0 with
/// fallback steps of 0.2, no-speech threshold 0.6.
/// </summary>
/// <remarks>Threading model: a builder is used by one thread; <see cref="Build"/> can be called many times.</remarks>
public sealed class WhisperProcessorBuilder
{
    private readonly WhisperFactory _factory;

    internal WhisperProcessorBuilder(WhisperFactory factory) => _factory = factory;

    internal string Language { get; private set; } = "en";

    internal int? Threads { get; private set; }

    internal string? Prompt { get; private set; }

    internal float? NoSpeechThreshold { get; private set; }

    internal bool TokenTimestamps { get; private set; }

    internal int MaxTokensPerSegment { get; private set; }

    internal bool TemperatureFallback { get; private set; } = true;

    internal int AudioContext { get; private set; }

    internal bool SingleSegment { get; private set; }

    internal bool NoContext { get; private set; } = true;

    /// <summary>ISO 639-1 code ("en", "de", ...) or "auto" to detect (multilingual models only).</summary>
    public WhisperProcessorBuilder WithLanguage(string language)
    {
        ArgumentException.ThrowIfNullOrEmpty(language);
        if (!string.Equals(language, "auto", StringComparison.Ordinal) && WhisperNative.LanguageIdOf(language) < 0)
        {
            throw new ArgumentException($"whisper does not know language '{language}'", nameof(language));
        }

        Language = language;
        return this;
    }

    /// <summary>Compute threads for encoder and decoder (whisper-cli's -t).</summary>
    public WhisperProcessorBuilder WithThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Threads = threads;
        return this;
    }

    /// <summary>Initial prompt (context) for every call; <see cref="WhisperProcessor.Process(ReadOnlySpan{float}, string?, CancellationToken)"/> overrides it per call.</summary>
    public WhisperProcessorBuilder WithPrompt(string? prompt)
    {
        Prompt = prompt;
        return this;
    }

    /// <summary>Segments whose no-speech probability exceeds this (and whose log-probability is low) are dropped.</summary>
    public WhisperProcessorBuilder WithNoSpeechThreshold(float threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1f);
        NoSpeechThreshold = threshold;
        return this;
    }

    /// <summary>Per-token start/end times (whisper's experimental token timestamps).</summary>
    public WhisperProcessorBuilder WithTokenTimestamps(bool enabled = true)
    {
        TokenTimestamps = enabled;
        return this;
    }

    /// <summary>Caps the tokens of each segment (0 = no cap). Bounds the cost of junk decodes.</summary>
    public WhisperProcessorBuilder WithMaxTokensPerSegment(int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);
        MaxTokensPerSegment = maxTokens;
        return this;
    }

    /// <summary>
    /// Off: one decode at temperature 0 (whisper-cli's -nf). On (default): retry at +0.2 steps when entropy or
    /// log-probability thresholds fail -- up to 6 decodes of the same audio.
    /// </summary>
    public WhisperProcessorBuilder WithTemperatureFallback(bool enabled)
    {
        TemperatureFallback = enabled;
        return this;
    }

    /// <summary>
    /// Encoder positions to use (0 = the model's 1500 = 30 s). Encoding only the audio present (50 positions per
    /// second) is what makes sub-second steps possible; too small a value truncates the audio.
    /// </summary>
    public WhisperProcessorBuilder WithAudioContext(int positions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(positions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(positions, _factory.AudioContext);
        AudioContext = positions;
        return this;
    }

    /// <summary>Force one segment per call (useful for streaming windows).</summary>
    public WhisperProcessorBuilder WithSingleSegment(bool enabled = true)
    {
        SingleSegment = enabled;
        return this;
    }

    /// <summary>Creates a processor with its own whisper_state.</summary>
    public WhisperProcessor Build() => new(_factory, this);
}
