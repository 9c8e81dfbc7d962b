namespace Captions.Speech.Whisper;

/// <summary>Policy of <see cref="WhisperStreamingRecognizer"/>: when to decode, how far the buffer grows, the guards.</summary>
public sealed record WhisperStreamingOptions
{
    /// <summary>Whisper's encoder window: a decode never sees more than 30 s of audio.</summary>
    public static readonly TimeSpan MaxDecodeAudio = TimeSpan.FromSeconds(30);

    /// <summary>New audio between decodes while decoding keeps up (whisper_streaming's min-chunk-size is 1 s).</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The step never grows beyond this, however slow the decoder (partials at least this often).</summary>
    public TimeSpan MaxStep { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>No decode before the utterance holds this much audio: shorter buffers give Whisper too little context.</summary>
    public TimeSpan MinBuffer { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Above this the buffer is trimmed at the end of a committed segment or sentence (whisper_streaming: 15 s).</summary>
    public TimeSpan TrimThreshold { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Above this, with no segment or sentence end to cut at, the buffer is cut at the last committed word; at
    /// <see cref="MaxDecodeAudio"/> the unconfirmed words are committed and the buffer starts afresh.
    /// </summary>
    public TimeSpan MaxBuffer { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Committed text fed back as whisper's prompt, in characters (whisper_streaming: 200).</summary>
    public int PromptMaxCharacters { get; init; } = 200;

    /// <summary>
    /// Confirmed words close a caption line at a sentence end, or once they reach this many characters (two 42-character
    /// subtitle rows). 0 closes a line at every LocalAgreement commit.
    /// </summary>
    public int MaxLineCharacters { get; init; } = 84;

    /// <summary>Whisper's no_speech_thold: a segment above it whose average log-probability is below <see cref="LogProbThreshold"/> is silence.</summary>
    public float NoSpeechThreshold { get; init; } = 0.6f;

    /// <summary>Whisper's logprob_thold, paired with <see cref="NoSpeechThreshold"/>.</summary>
    public float LogProbThreshold { get; init; } = -1.0f;

    /// <summary>
    /// A segment whose average log-probability is below this is dropped whatever its no-speech probability: well under
    /// whisper's -1.0 fallback threshold, so only decodes whisper itself would have retried are lost.
    /// </summary>
    public float LogProbFloor { get; init; } = -2.0f;

    /// <summary>A known silence hallucination ("Thank you.") is dropped when its segment's no-speech probability exceeds this.</summary>
    public float HallucinationNoSpeechThreshold { get; init; } = 0.3f;

    /// <summary>... or when its audio's RMS is below this (0.001 = -60 dBFS, quieter than any speech the VAD passes).</summary>
    public float SilenceRms { get; init; } = 0.001f;

    /// <summary>A word said this many times in a row is a decoding loop ("the the the the").</summary>
    public int RepeatedWordLimit { get; init; } = 4;

    /// <summary>A phrase of 2 to <see cref="MaxLoopWords"/> words said this many times in a row is a decoding loop.</summary>
    public int RepeatedPhraseLimit { get; init; } = 3;

    /// <summary>Longest phrase the loop detector looks for.</summary>
    public int MaxLoopWords { get; init; } = 8;

    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Step, TimeSpan.Zero, nameof(Step));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStep, Step, nameof(MaxStep));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinBuffer, TimeSpan.Zero, nameof(MinBuffer));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TrimThreshold, TimeSpan.Zero, nameof(TrimThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBuffer, TrimThreshold, nameof(MaxBuffer));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBuffer, MaxDecodeAudio - MaxStep, nameof(MaxBuffer));
        ArgumentOutOfRangeException.ThrowIfNegative(PromptMaxCharacters, nameof(PromptMaxCharacters));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxLineCharacters, nameof(MaxLineCharacters));
        ArgumentOutOfRangeException.ThrowIfLessThan(RepeatedWordLimit, 2, nameof(RepeatedWordLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(RepeatedPhraseLimit, 2, nameof(RepeatedPhraseLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLoopWords, 1, nameof(MaxLoopWords));
    }
}
