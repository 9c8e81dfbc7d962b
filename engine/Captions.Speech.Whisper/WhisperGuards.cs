using System.Text;
using Captions.Engine.Audio;

namespace Captions.Speech.Whisper;

/// <summary>
/// Turns one decode into words in stream time, dropping what Whisper makes up: silent segments (whisper's own
/// no-speech rule), very unlikely segments, known silence hallucinations, punctuation-only words, and decoding loops.
/// </summary>
internal static class WhisperGuards
{
    /// <summary>Phrases Whisper is known to produce on silence and noise (learned from subtitled video), normalised.</summary>
    private static readonly HashSet<string> s_silenceHallucinations = new(StringComparer.Ordinal)
    {
        "you",
        "thank you",
        "thank you very much",
        "thanks",
        "thanks for watching",
        "thank you for watching",
        "thanks for listening",
        "please subscribe",
        "bye",
    };

    /// <summary>Appends the words of <paramref name="result"/> that pass the guards to <paramref name="words"/>.</summary>
    /// <param name="audio">The decoded buffer (for the silence check of hallucination candidates).</param>
    /// <param name="offset">Stream time of the buffer's first sample.</param>
    public static void AppendWords(
        WhisperDecodeResult result, ReadOnlySpan<float> audio, TimeSpan offset, WhisperStreamingOptions options, List<TimedWord> words)
    {
        foreach (var segment in result.Segments)
        {
            if (IsDropped(segment, audio, options))
            {
                continue;
            }

            AppendSegmentWords(segment, offset, words);
        }

        CutLoop(words, options);
    }

    internal static bool IsDropped(WhisperSegmentResult segment, ReadOnlySpan<float> audio, WhisperStreamingOptions options)
    {
        if (segment.NoSpeechProbability > options.NoSpeechThreshold && segment.AverageLogProbability < options.LogProbThreshold)
        {
            return true;
        }

        if (segment.AverageLogProbability < options.LogProbFloor)
        {
            return true;
        }

        return s_silenceHallucinations.Contains(Normalize(segment.Text))
            && (segment.NoSpeechProbability > options.HallucinationNoSpeechThreshold || Rms(audio, segment.Start, segment.End) < options.SilenceRms);
    }

    /// <summary>Groups tokens into words: a token starting with a space starts a word. Words without a letter or digit go.</summary>
    private static void AppendSegmentWords(WhisperSegmentResult segment, TimeSpan offset, List<TimedWord> words)
    {
        var text = new StringBuilder();
        TimeSpan start = default, end = default;
        float probability = 0;
        var tokens = 0;
        foreach (var token in segment.Tokens)
        {
            if (token.Text.Length == 0)
            {
                continue;
            }

            if (tokens > 0 && char.IsWhiteSpace(token.Text[0]))
            {
                AddWord(text, start, end, probability / tokens, words);
                text.Clear();
                tokens = 0;
                probability = 0;
            }

            if (tokens == 0)
            {
                start = offset + token.Start;
            }

            text.Append(token.Text);
            end = offset + token.End;
            probability += token.Probability;
            tokens++;
        }

        if (tokens > 0)
        {
            AddWord(text, start, end, probability / tokens, words);
        }
    }

    private static void AddWord(StringBuilder text, TimeSpan start, TimeSpan end, float probability, List<TimedWord> words)
    {
        var word = text.ToString().Trim();
        if (!word.Any(char.IsLetterOrDigit))
        {
            return;
        }

        words.Add(new TimedWord(word, start, end < start ? start : end, probability));
    }

    /// <summary>
    /// Cuts a decoding loop: from the first repeat of a word said <see cref="WhisperStreamingOptions.RepeatedWordLimit"/>
    /// times in a row, or of a phrase said <see cref="WhisperStreamingOptions.RepeatedPhraseLimit"/> times in a row,
    /// everything goes (the first instance stays: "the the" can be speech, and the loop's tail never is).
    /// </summary>
    internal static void CutLoop(List<TimedWord> words, WhisperStreamingOptions options)
    {
        for (var i = 0; i < words.Count; i++)
        {
            for (var n = 1; n <= options.MaxLoopWords && i + (2 * n) <= words.Count; n++)
            {
                var repeats = 1;
                while (i + ((repeats + 1) * n) <= words.Count && SameWords(words, i, i + (repeats * n), n))
                {
                    repeats++;
                }

                if (repeats >= (n == 1 ? options.RepeatedWordLimit : options.RepeatedPhraseLimit))
                {
                    words.RemoveRange(i + n, words.Count - (i + n));
                    return;
                }
            }
        }
    }

    private static bool SameWords(List<TimedWord> words, int a, int b, int count)
    {
        for (var k = 0; k < count; k++)
        {
            if (!string.Equals(Normalize(words[a + k].Text), Normalize(words[b + k].Text), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lower case, letters, digits and apostrophes only, single spaces: " Thank you!" -> "thank you".</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static float Rms(ReadOnlySpan<float> audio, TimeSpan start, TimeSpan end)
    {
        var from = (int)Math.Clamp(AudioFormat.TimeToSamples(start), 0, audio.Length);
        var to = (int)Math.Clamp(AudioFormat.TimeToSamples(end), from, audio.Length);
        if (to == from)
        {
            return 0;
        }

        double sum = 0;
        foreach (var s in audio[from..to])
        {
            sum += s * s;
        }

        return (float)Math.Sqrt(sum / (to - from));
    }
}
