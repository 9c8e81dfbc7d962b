using Captions.Speech.Whisper;

namespace Captions.TestKit.Speech;

/// <summary>
/// An <see cref="IWhisperDecoder"/> that returns what the test scripted (per call, from the call's details) and
/// records every call, so streaming-policy tests can check exactly what was decoded with which prompt.
/// <see cref="OnDecode"/> runs inside each decode, e.g. to advance a ManualTimeProvider by the decode's "cost".
/// </summary>
public sealed class ScriptedWhisperDecoder : IWhisperDecoder
{
    private readonly Func<ScriptedDecodeCall, WhisperDecodeResult> _script;

    public ScriptedWhisperDecoder(Func<ScriptedDecodeCall, WhisperDecodeResult> script)
    {
        ArgumentNullException.ThrowIfNull(script);
        _script = script;
    }

    public List<ScriptedDecodeCall> Calls { get; } = [];

    public Action<ScriptedDecodeCall>? OnDecode { get; init; }

    public bool Disposed { get; private set; }

    /// <summary>Returns <paramref name="results"/> in call order; the last one repeats.</summary>
    public static ScriptedWhisperDecoder Sequence(params WhisperDecodeResult[] results)
    {
        ArgumentOutOfRangeException.ThrowIfZero(results.Length);
        return new ScriptedWhisperDecoder(call => results[Math.Min(call.Index, results.Length - 1)]);
    }

    /// <summary>One confident segment (no-speech 0.01, log-prob -0.2) of words spaced 0.5 s apart from 0, one token each.</summary>
    public static WhisperDecodeResult Text(string text) =>
        Result(Segment(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((w, i) => (w, i * 0.5, (i * 0.5) + 0.4)).ToArray()));

    public static WhisperDecodeResult Result(params WhisperSegmentResult[] segments) => new(segments, "en");

    /// <summary>A segment of one-token words at the given buffer-relative seconds.</summary>
    public static WhisperSegmentResult Segment(
        (string Word, double Start, double End)[] words, float noSpeechProbability = 0.01f, float averageLogProbability = -0.2f)
    {
        var tokens = words.Select(w => new WhisperTokenResult(" " + w.Word, TimeSpan.FromSeconds(w.Start), TimeSpan.FromSeconds(w.End), 0.9f)).ToList();
        var start = words.Length > 0 ? TimeSpan.FromSeconds(words[0].Start) : TimeSpan.Zero;
        var end = words.Length > 0 ? TimeSpan.FromSeconds(words[^1].End) : TimeSpan.Zero;
        return new WhisperSegmentResult(string.Concat(tokens.Select(t => t.Text)), start, end, noSpeechProbability, averageLogProbability, tokens);
    }

    public WhisperDecodeResult Decode(ReadOnlySpan<float> audio, string? prompt, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        var call = new ScriptedDecodeCall(Calls.Count, audio.Length, prompt, audio.Length > 0 ? audio[0] : 0f);
        Calls.Add(call);
        OnDecode?.Invoke(call);
        return _script(call);
    }

    public void Dispose() => Disposed = true;
}
