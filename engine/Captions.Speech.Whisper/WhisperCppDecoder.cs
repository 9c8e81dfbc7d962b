using Captions.Native.Whisper;

namespace Captions.Speech.Whisper;

/// <summary>
/// <see cref="IWhisperDecoder"/> over whisper.cpp (<see cref="WhisperProcessor"/>): one whisper_full per call on the
/// buffer the streaming policy hands in, with the committed text as initial prompt.
/// </summary>
/// <remarks>
/// Threading model: not thread-safe, like the processor it owns; the recogniser calls it from one thread. Disposing
/// the decoder disposes the processor (not the factory, which may serve other processors).
/// Times in the result are relative to the buffer start and lie in [0, buffer length]. Segment text is trimmed;
/// token text keeps whisper's leading space, which marks a word start. Special tokens (timestamps, end-of-text) are
/// dropped from <see cref="WhisperSegmentResult.Tokens"/>.
/// </remarks>
public sealed class WhisperCppDecoder : IWhisperDecoder
{
    private readonly WhisperProcessor _processor;
    private readonly bool _encodeOnlyBufferedAudio;

    /// <param name="processor">Configured processor (language, threads, fallback, token timestamps); now owned.</param>
    /// <param name="encodeOnlyBufferedAudio">
    /// True: set audio_ctx proportional to the buffer (<see cref="WhisperProcessor.AudioContextFor"/>) instead of
    /// encoding a 30 s window padded with silence -- a 2 s buffer then costs ~1/15 of the encoder work.
    /// </param>
    public WhisperCppDecoder(WhisperProcessor processor, bool encodeOnlyBufferedAudio = true)
    {
        ArgumentNullException.ThrowIfNull(processor);
        _processor = processor;
        _encodeOnlyBufferedAudio = encodeOnlyBufferedAudio;
    }

    /// <inheritdoc/>
    public WhisperDecodeResult Decode(ReadOnlySpan<float> audio, string? prompt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (audio.Length < WhisperProcessor.MinimumSamples)
        {
            // whisper.cpp returns no segments for less than 100 ms; say so without a native call.
            return new WhisperDecodeResult([], null);
        }

        int audioContext = _encodeOnlyBufferedAudio ? _processor.AudioContextFor(audio.Length) : -1;
        WhisperResult result = _processor.Process(audio, string.IsNullOrWhiteSpace(prompt) ? null : prompt, audioContext, cancellationToken);

        var segments = new WhisperSegmentResult[result.Segments.Count];
        for (int i = 0; i < segments.Length; i++)
        {
            WhisperSegment segment = result.Segments[i];
            var tokens = new List<WhisperTokenResult>(segment.Tokens.Count);
            foreach (WhisperToken token in segment.Tokens)
            {
                if (!token.IsSpecial)
                {
                    tokens.Add(new WhisperTokenResult(token.Text, token.Start, token.End, token.Probability));
                }
            }

            segments[i] = new WhisperSegmentResult(
                segment.Text.Trim(),
                segment.Start,
                segment.End,
                segment.NoSpeechProbability,
                segment.AverageLogProbability,
                tokens);
        }

        return new WhisperDecodeResult(segments, result.Language);
    }

    /// <summary>Disposes the processor. Safe to call twice.</summary>
    public void Dispose() => _processor.Dispose();
}
