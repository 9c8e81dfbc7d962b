using System.Globalization;
using System.Text;

namespace Captions.Engine.Output;

/// <summary>
/// An unbreakable run of caption text: a word, one CJK ideograph (with any punctuation that may not start a line),
/// or an <see cref="CaptionTextLayout.MaxLineLength"/>-long piece of an over-long word.
/// </summary>
/// <param name="Start">Offset of the first char in the source text.</param>
/// <param name="End">Offset after the last char.</param>
/// <param name="Width">Width in text elements (what a viewer counts as characters).</param>
/// <param name="SpaceBefore">Whether a space separates it from the previous token (false inside CJK and inside a broken word).</param>
internal readonly record struct LayoutToken(int Start, int End, int Width, bool SpaceBefore)
{
    /// <summary>Splits <paramref name="text"/> into tokens no wider than <paramref name="maxWidth"/>.</summary>
    public static List<LayoutToken> Tokenize(string text, int maxWidth)
    {
        var tokens = new List<LayoutToken>();
        bool spaceBefore = false;
        int tokenStart = -1;
        int tokenWidth = 0;
        int previousStart = -1;
        int i = 0;
        while (i < text.Length)
        {
            int elementLength = StringInfo.GetNextTextElementLength(text.AsSpan(i));
            if (IsWhiteSpace(text, i))
            {
                Flush(i);
                spaceBefore = true;
                i += elementLength;
                continue;
            }

            bool breakBefore = tokenStart >= 0 && (tokenWidth == maxWidth || CanBreakBetween(text, previousStart, i));
            if (breakBefore)
            {
                Flush(i);
            }

            if (tokenStart < 0)
            {
                tokenStart = i;
            }

            tokenWidth++;
            previousStart = i;
            i += elementLength;
        }

        Flush(text.Length);
        return tokens;

        void Flush(int end)
        {
            if (tokenStart >= 0)
            {
                tokens.Add(new LayoutToken(tokenStart, end, tokenWidth, spaceBefore && tokens.Count > 0));
                tokenStart = -1;
                tokenWidth = 0;
                spaceBefore = false;
            }
        }
    }

    /// <summary>Width of tokens [from, to) on one line.</summary>
    public static int LineWidth(List<LayoutToken> tokens, int from, int to)
    {
        int width = 0;
        for (int t = from; t < to; t++)
        {
            width += tokens[t].Width + (t > from && tokens[t].SpaceBefore ? 1 : 0);
        }

        return width;
    }

    /// <summary>Lines that greedy filling needs for tokens [from, to): the minimum possible.</summary>
    public static int GreedyLineCount(List<LayoutToken> tokens, int from, int to, int maxWidth)
    {
        if (from >= to)
        {
            return 0;
        }

        int lines = 1;
        int width = tokens[from].Width;
        for (int t = from + 1; t < to; t++)
        {
            int added = tokens[t].Width + (tokens[t].SpaceBefore ? 1 : 0);
            if (width + added > maxWidth)
            {
                lines++;
                width = tokens[t].Width;
            }
            else
            {
                width += added;
            }
        }

        return lines;
    }

    /// <summary>The text of tokens [from, to) as one line, whitespace runs collapsed to single spaces.</summary>
    public static string LineText(string text, List<LayoutToken> tokens, int from, int to, StringBuilder builder)
    {
        builder.Clear();
        for (int t = from; t < to; t++)
        {
            if (t > from && tokens[t].SpaceBefore)
            {
                builder.Append(' ');
            }

            builder.Append(text, tokens[t].Start, tokens[t].End - tokens[t].Start);
        }

        return builder.ToString();
    }

    private static bool IsWhiteSpace(string text, int index) => Rune.TryGetRuneAt(text, index, out var rune) && Rune.IsWhiteSpace(rune);

    /// <summary>
    /// A line may break between two non-space elements when either is CJK (UAX #14 class ID, simplified), except
    /// before closing punctuation and after opening brackets (kinsoku: "。" never starts a line, "「" never ends one).
    /// </summary>
    private static bool CanBreakBetween(string text, int previous, int current)
    {
        Rune.TryGetRuneAt(text, previous, out var before);
        Rune.TryGetRuneAt(text, current, out var after);
        return (IsBreakAnywhere(before) || IsBreakAnywhere(after)) && !IsNoBreakBefore(after) && !IsNoBreakAfter(before);
    }

    private static bool IsBreakAnywhere(Rune rune) => rune.Value switch
    {
        >= 0x2E80 and <= 0x2FDF => true,   // CJK radicals, Kangxi radicals
        >= 0x3040 and <= 0x30FF => true,   // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true,   // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK Unified Ideographs
        >= 0xF900 and <= 0xFAFF => true,   // CJK Compatibility Ideographs
        >= 0xFF01 and <= 0xFF60 => true,   // Fullwidth forms
        >= 0x20000 and <= 0x3FFFF => true, // CJK Extensions B and later (surrogate pairs)
        _ => false,
    };

    private static bool IsNoBreakBefore(Rune rune) =>
        rune.Value < 0x10000 && "、。，．・：；？！ー）」』】〕〉》〙〗｝］,.!?:;)]}%".Contains((char)rune.Value, StringComparison.Ordinal);

    private static bool IsNoBreakAfter(Rune rune) =>
        rune.Value < 0x10000 && "（「『【〔〈《〘〖｛［([{".Contains((char)rune.Value, StringComparison.Ordinal);
}
