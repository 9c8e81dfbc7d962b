namespace Captions.Native.Whisper;

/// <summary>One whisper segment; times relative to the start of the processed buffer.</summary>
/// <param name="Text">The segment's text as whisper joined it (leading space included).</param>
/// <param name="Start">Segment start (whisper's 10 ms resolution).</param>
/// <param name="End">Segment end.</param>
/// <param name="NoSpeechProbability">Probability of the no-speech token at the segment's window, in [0, 1].</param>
/// <param name="AverageLogProbability">Mean log-probability of the text tokens (0 when there are none).</param>
/// <param name="Tokens">Every token, special ones flagged.</param>
public sealed record WhisperSegment(
    string Text,
    TimeSpan Start,
    TimeSpan End,
    float NoSpeechProbability,
    float AverageLogProbability,
    IReadOnlyList<WhisperToken> Tokens);

/// <summary>One decoded token.</summary>
/// <param name="Id">Vocabulary id.</param>
/// <param name="Text">Token text (a token can hold part of a UTF-8 sequence; such bytes decode to U+FFFD).</param>
/// <param name="Probability">p in [0, 1].</param>
/// <param name="LogProbability">log p.</param>
/// <param name="Start">Token start when token timestamps are on, else the segment's start.</param>
/// <param name="End">Token end when token timestamps are on, else the segment's end.</param>
/// <param name="IsSpecial">True for [_BEG_], timestamps, end-of-text and other non-text tokens.</param>
public readonly record struct WhisperToken(
    int Id,
    string Text,
    float Probability,
    float LogProbability,
    TimeSpan Start,
    TimeSpan End,
    bool IsSpecial);

/// <summary>What one <see cref="WhisperProcessor.Process(ReadOnlySpan{float}, CancellationToken)"/> produced.</summary>
/// <param name="Segments">Segments in order.</param>
/// <param name="Language">The language decoded in (detected when the processor was built with "auto").</param>
public sealed record WhisperResult(IReadOnlyList<WhisperSegment> Segments, string Language);
