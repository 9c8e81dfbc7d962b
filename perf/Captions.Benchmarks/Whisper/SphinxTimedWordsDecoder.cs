using Captions.Engine.Audio;
using Captions.Engine.Captioning;
using Captions.Speech.Whisper;

namespace Captions.Benchmarks.Whisper;

/// <summary>
/// For `whisper-streaming --word-times sphinx` only, and named for what it is: a decoder that pays whisper.cpp's real
/// decode cost on every call (the synthetic model decodes the same buffer) but answers with the words pocketsphinx
/// recognised in the whole clip that lie inside the buffer, with their real times. That isolates the streaming
/// policy: what LocalAgreement-2, the step, trimming and catch-up cost in commit delay when the recogniser's words
/// are right and stable. A real Whisper model's tail words change between decodes, so its delays can only be longer;
/// `--model PATH` measures those.
/// </summary>
internal sealed class SphinxTimedWordsDecoder : IWhisperDecoder
{
    private readonly IWhisperDecoder _costOf;
    private readonly IReadOnlyList<WordTiming> _words;

    public SphinxTimedWordsDecoder(IWhisperDecoder costOf, IReadOnlyList<WordTiming> words)
    {
        _costOf = costOf;
        _words = words;
    }

    /// <summary>Where the recogniser's buffer starts in the stream (set once the recogniser exists).</summary>
    public Func<TimeSpan> BufferStart { get; set; } = () => TimeSpan.Zero;

    public WhisperDecodeResult Decode(ReadOnlySpan<float> audio, string? prompt, CancellationToken cancellationToken)
    {
        _costOf.Decode(audio, prompt, cancellationToken);
        TimeSpan start = BufferStart();
        TimeSpan end = start + AudioFormat.SamplesToTime(audio.Length);
        var tokens = new List<WhisperTokenResult>();
        foreach (WordTiming word in _words)
        {
            if (word.Start >= start && word.End <= end)
            {
                tokens.Add(new WhisperTokenResult(" " + word.Word, word.Start - start, word.End - start, 0.9f));
            }
        }

        if (tokens.Count == 0)
        {
            return new WhisperDecodeResult([], "en");
        }

        string text = string.Concat(tokens.Select(t => t.Text)).Trim();
        return new WhisperDecodeResult([new WhisperSegmentResult(text, tokens[0].Start, tokens[^1].End, 0.01f, -0.2f, tokens)], "en");
    }

    public void Dispose() => _costOf.Dispose();
}
