using System.Text;
using System.Text.RegularExpressions;

namespace Captions.Engine.Translation.Prompting;

/// <summary>
/// Cleans a model answer (think blocks, code fences, quotes, "Translation:" labels) and decides whether it is a
/// translation of the request's text or something else: a refusal, an explanation, a reply to instructions found in the
/// text, an echo of the prompt, an answer of the wrong size or in the source language.
/// </summary>
/// <remarks>
/// Heuristics, deliberately conservative: rejecting a good translation costs little (the stage shows the source text
/// marked untranslated), showing an injected reply as a translation costs trust. Thresholds are in the code with their
/// reasons; the injection corpus and the real-translation tests pin both sides.
/// </remarks>
public static partial class TranslationOutputValidator
{
    /// <summary>Weighted source length below which size ratios say nothing (greetings, "Exit", "OK").</summary>
    private const double MinLengthForRatio = 16;

    /// <summary>Answers under a fifth of the source are fragments or obeyed commands ("OK" for a 35-char order).</summary>
    private const double MinLengthRatio = 0.2;

    /// <summary>Real translations between the supported languages stay under ~1.5x; 2.5x + 20 leaves room for short lines.</summary>
    private const double MaxLengthRatio = 2.5;

    private const double MaxLengthSlack = 20;

    private static readonly string[] s_labelWords =
        ["translation", "translated text", "traducción", "traduccion", "traduction", "übersetzung", "output", "answer", "result", "译文", "翻译", "翻譯"];

    /// <summary>
    /// The answer so far made presentable while it streams: think blocks and unfinished tags hidden, fences and labels
    /// held back until they are recognisable. Returns "" while nothing displayable has arrived.
    /// </summary>
    public static string CleanPartial(string raw, string sourceText) => Clean(raw, isComplete: false, sourceText);

    /// <summary>Cleans the complete answer <paramref name="raw"/> and accepts or rejects it for <paramref name="request"/>.</summary>
    public static TranslationValidationResult Validate(string raw, TranslationRequest request)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(request);
        var source = TranslationPrompt.NeutralizeText(request.Text);
        var text = Clean(raw, isComplete: true, source);
        if (source.Length == 0)
        {
            return TranslationValidationResult.Accept(string.Empty);
        }

        if (text.Length == 0)
        {
            return TranslationValidationResult.Reject(text, "the answer is empty");
        }

        foreach (var echo in AnswerMarkers.PromptEcho)
        {
            if (text.Contains(echo, StringComparison.OrdinalIgnoreCase))
            {
                return TranslationValidationResult.Reject(text, $"the answer echoes the prompt ('{echo}')");
            }
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length > 2)
        {
            return TranslationValidationResult.Reject(text, $"the answer has {lines.Length} lines for a one-line caption");
        }

        text = string.Join(' ', lines);
        var lowerText = text.ToLowerInvariant();
        var lowerSource = source.ToLowerInvariant();
        var bare = BareWords(lowerText);
        var sourceWords = CountWords(lowerSource);
        if (AnswerMarkers.Compliance.Contains(bare) && sourceWords > 3 && !$" {BareWords(lowerSource)} ".Contains($" {bare} ", StringComparison.Ordinal))
        {
            return TranslationValidationResult.Reject(text, $"the answer '{text}' obeys rather than translates a {sourceWords}-word text");
        }

        foreach (var (name, words) in AnswerMarkers.Concepts)
        {
            var hit = words.FirstOrDefault(w => ContainsMarker(lowerText, w));
            if (hit is not null && !words.Any(w => ContainsMarker(lowerSource, w)))
            {
                return TranslationValidationResult.Reject(text, $"the answer {name} ('{hit}') and the text does not");
            }
        }

        var sourceProfile = ScriptProfile.Of(source);
        var answerProfile = ScriptProfile.Of(text);
        if (answerProfile.WeightedLength > (sourceProfile.WeightedLength * MaxLengthRatio) + MaxLengthSlack)
        {
            return TranslationValidationResult.Reject(text, $"the answer is {answerProfile.WeightedLength:0} long for a text of {sourceProfile.WeightedLength:0}");
        }

        if (sourceProfile.WeightedLength >= MinLengthForRatio && answerProfile.WeightedLength < sourceProfile.WeightedLength * MinLengthRatio)
        {
            return TranslationValidationResult.Reject(text, $"the answer is {answerProfile.WeightedLength:0} long for a text of {sourceProfile.WeightedLength:0}");
        }

        return CheckLanguage(text, source, request, sourceProfile, answerProfile);
    }

    private static TranslationValidationResult CheckLanguage(
        string text, string source, TranslationRequest request, ScriptProfile sourceProfile, ScriptProfile answerProfile)
    {
        var from = request.SourceLanguage.ToLowerInvariant();
        var to = request.TargetLanguage.ToLowerInvariant();
        if (from == "auto" || from == to || answerProfile.Letters < 3)
        {
            return TranslationValidationResult.Accept(text);
        }

        // Script: a Chinese target needs Chinese characters, a Latin target Latin letters (names in other scripts allowed:
        // under 20% of the letters may be foreign unless the source itself is in the target's script).
        var expected = ScriptProfile.ExpectedScript(to);
        if (expected is not null && expected(answerProfile) < 0.2 * answerProfile.Letters
            && (sourceProfile.Letters == 0 || expected(sourceProfile) < 0.2 * sourceProfile.Letters))
        {
            return TranslationValidationResult.Reject(text, $"the answer is not written in the script of '{to}'");
        }

        // Identical answers are rejected only for sentences (3+ words with a function word): names, brands and
        // model numbers ("iPhone 15 Pro") legitimately stay the same.
        AnswerMarkers.FunctionWords.TryGetValue(from, out var sourceFunctionWords);
        var isSentence = CountWords(source) >= 3
            && (sourceFunctionWords is null || BareWords(source.ToLowerInvariant()).Split(' ').Any(sourceFunctionWords.Contains));
        if (isSentence && string.Equals(BareWords(text.ToLowerInvariant()), BareWords(source.ToLowerInvariant()), StringComparison.Ordinal))
        {
            return TranslationValidationResult.Reject(text, "the answer repeats the text untranslated");
        }

        // Function words: "the meeting is at five" for en->es scores 3 English, 0 Spanish. Words shared by both lists
        // ("a", "de", "la"...) count for neither.
        if (AnswerMarkers.FunctionWords.TryGetValue(from, out var fromWords) && AnswerMarkers.FunctionWords.TryGetValue(to, out var toWords))
        {
            int fromHits = 0, toHits = 0;
            foreach (var word in BareWords(text.ToLowerInvariant()).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var inFrom = fromWords.Contains(word);
                var inTo = toWords.Contains(word);
                fromHits += inFrom && !inTo ? 1 : 0;
                toHits += inTo && !inFrom ? 1 : 0;
            }

            // Second rule: five or more words without a single target function word, one of them a source one
            // ("A spider has eight legs" for en->fr).
            var words = CountWords(text);
            if ((fromHits >= 2 && fromHits > 2 * toHits) || (words >= 5 && toHits == 0 && fromHits >= 1))
            {
                return TranslationValidationResult.Reject(text, $"the answer reads as '{from}', not '{to}'");
            }
        }

        return TranslationValidationResult.Accept(text);
    }

    private static string Clean(string raw, bool isComplete, string sourceText)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = ThinkBlock().Replace(raw, string.Empty);
        var close = text.LastIndexOf("</think>", StringComparison.OrdinalIgnoreCase);
        if (close >= 0)
        {
            text = text[(close + "</think>".Length)..]; // Template pre-filled "<think>": only the close tag streams.
        }

        var open = text.IndexOf("<think>", StringComparison.OrdinalIgnoreCase);
        if (open >= 0)
        {
            text = text[..open]; // Still thinking: nothing after the tag is translation.
        }

        if (!isComplete)
        {
            text = DropTrailingTagPrefix(text);
        }

        text = text.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal) && !sourceText.StartsWith("```", StringComparison.Ordinal))
        {
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            text = newline >= 0 ? text[(newline + 1)..] : (isComplete ? text.Trim('`') : string.Empty);
        }

        text = text.TrimEnd();
        text = isComplete ? TrimSuffix(text, "```") : text.TrimEnd('`');
        text = text.Trim();
        if (text.StartsWith("> ", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (!LabelPrefix().IsMatch(sourceText))
        {
            var label = LabelPrefix().Match(text);
            if (label.Success)
            {
                text = text[label.Length..].TrimStart();
            }
            else if (!isComplete && IsLabelPrefix(text))
            {
                return string.Empty;
            }
        }

        text = StripWrapping(text, "**", "**", isComplete);
        foreach (var (first, last) in s_quotes)
        {
            if (!sourceText.StartsWith(first) && text.StartsWith(first))
            {
                text = StripWrapping(text, first.ToString(), last.ToString(), isComplete);
                break;
            }
        }

        if (isComplete && text.Length >= 2 && text[0] == '`' && text[^1] == '`')
        {
            text = text.Trim('`');
        }

        return text.Trim();
    }

    private static readonly (char First, char Last)[] s_quotes =
        [('"', '"'), ('“', '”'), ('„', '“'), ('«', '»'), ('‘', '’'), ('\'', '\''), ('「', '」'), ('『', '』')];

    private static string StripWrapping(string text, string first, string last, bool isComplete)
    {
        if (!text.StartsWith(first, StringComparison.Ordinal))
        {
            return text;
        }

        if (isComplete)
        {
            return text.Length >= first.Length + last.Length && text.EndsWith(last, StringComparison.Ordinal)
                ? text[first.Length..^last.Length].Trim()
                : text;
        }

        var inner = text[first.Length..];
        return inner.EndsWith(last, StringComparison.Ordinal) ? inner[..^last.Length] : inner;
    }

    private static string TrimSuffix(string text, string suffix) =>
        text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text;

    private static string DropTrailingTagPrefix(string text)
    {
        for (var length = Math.Min(text.Length, "<think>".Length - 1); length > 0; length--)
        {
            if ("<think>".StartsWith(text[^length..], StringComparison.OrdinalIgnoreCase))
            {
                return text[..^length];
            }
        }

        return text;
    }

    private static bool IsLabelPrefix(string text)
    {
        var lower = text.TrimStart('*').ToLowerInvariant();
        return lower.Length > 0 && s_labelWords.Any(label => (label + ":").StartsWith(lower, StringComparison.Ordinal));
    }

    private static string BareWords(string lower)
    {
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '\'' ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Substring match; markers starting with a Latin letter must start a word ("here is" is not in "where is").</summary>
    private static bool ContainsMarker(string lowerText, string marker)
    {
        var needsBoundary = char.IsAsciiLetter(marker[0]);
        for (var at = lowerText.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = lowerText.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            if (!needsBoundary || at == 0 || !char.IsLetter(lowerText[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"<think>.*?</think>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThinkBlock();

    [GeneratedRegex(
        @"^\**\s*(?:[\p{L}]+\s)?(?:translation|translated text|traducción|traduccion|traduction|übersetzung|output|answer|result|译文|翻译|翻譯)\s*(?:\([^)]{0,30}\))?\s*\**\s*[:：]\s*\**",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelPrefix();
}
