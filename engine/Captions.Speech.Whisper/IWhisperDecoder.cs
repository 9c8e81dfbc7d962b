namespace Captions.Speech.Whisper;

/// <summary>
/// One offline Whisper decode of a buffer of 16 kHz mono audio: the seam between the streaming policy
/// (<c>WhisperStreamingRecognizer</c>) and an engine (whisper.cpp through <c>Captions.Native.Whisper</c>, or a scripted
/// decoder in tests). Times in the result are relative to the start of <paramref name="audio"/>.
/// Threading model: not thread-safe; the recogniser that owns it calls it from one thread.
/// </summary>
public interface IWhisperDecoder : IDisposable
{
    /// <param name="audio">16 kHz mono samples, at most 30 s.</param>
    /// <param name="prompt">Committed text fed back as context (whisper's initial prompt), or null.</param>
    /// <param name="cancellationToken">Aborts the decode promptly (whisper.cpp's abort callback).</param>
    WhisperDecodeResult Decode(ReadOnlySpan<float> audio, string? prompt, CancellationToken cancellationToken);
}

/// <summary>What one decode produced.</summary>
/// <param name="Segments">Segments in order.</param>
/// <param name="Language">Detected or configured language (ISO 639-1), when known.</param>
public sealed record WhisperDecodeResult(IReadOnlyList<WhisperSegmentResult> Segments, string? Language);

/// <summary>One Whisper segment with the guards' inputs (no-speech probability, average log-probability).</summary>
public sealed record WhisperSegmentResult(
    string Text,
    TimeSpan Start,
    TimeSpan End,
    float NoSpeechProbability,
    float AverageLogProbability,
    IReadOnlyList<WhisperTokenResult> Tokens);

/// <summary>One text token (special tokens excluded) with its time span and probability.</summary>
public readonly record struct WhisperTokenResult(string Text, TimeSpan Start, TimeSpan End, float Probability);
